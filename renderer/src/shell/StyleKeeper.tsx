/**
 * antd generates a component's CSS when its first instance mounts and throws it away when
 * the last one unmounts; the next mount generates it again and re-inserts the style sheet,
 * which restyles the whole page. Search as you type mounts and unmounts the results table,
 * its empty state, the spinner and the tags on nearly every keystroke, so at a million
 * residents that regeneration was much of what a keystroke cost (issue 6 item 16). One
 * hidden instance of each for the shell's life keeps their CSS in place.
 */
import { Alert, Empty, Spin, Table, Tag, Tooltip } from 'antd';

export function StyleKeeper() {
  return (
    <div hidden aria-hidden data-testid="style-keeper">
      <Table size="small" columns={[]} dataSource={[]} pagination={false} />
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      <Spin />
      <Alert title="" />
      <Tooltip title="">
        <Tag color="red" />
      </Tooltip>
    </div>
  );
}
