/**
 * antd generates a component's CSS when its first instance mounts and throws it away when
 * the last one unmounts; the next mount generates it again and re-inserts the style sheet,
 * which restyles the whole page. Search as you type mounts and unmounts the empty state,
 * the spinner, the hint and the tags on nearly every keystroke (issue 6 item 16); one
 * hidden instance of each for the shell's life keeps their CSS in place.
 */
import { Alert, Empty, Spin, Tag } from 'antd';

export function StyleKeeper() {
  return (
    <div hidden aria-hidden data-testid="style-keeper">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      <Spin />
      <Alert title="" />
      <Tag color="red" />
    </div>
  );
}
