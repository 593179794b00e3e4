/**
 * 统计: wishes recorded, published, claimed, fulfilled and expired per month (a chart reads
 * better than a table there), by category, by claimant unit, and the average days from
 * publication to claim and to handover. The figures are also in tables beside the charts.
 */
import { Alert, Card, Col, Input, Row, Space, Statistic, Table } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { formatYuan } from '../../../../common/wish-status';
import { useLoad, wishes, type WishStats } from './data';
import { Chart } from './Chart';
import * as S from './strings';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const SERIES = ['recorded', 'published', 'claimed', 'fulfilled', 'expired'] as const;

function monthsOption(s: WishStats) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: s.months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: SERIES.map((k) => ({ name: S.ST_SERIES[k], type: 'bar', data: s.months.map((m) => m[k]) })),
  };
}

function categoryOption(s: WishStats) {
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: s.byCategory.map((c) => ({ name: c.category, value: c.recorded })) }],
  };
}

export function StatsTab() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const okFrom = from === '' || MONTH.test(from);
  const okTo = to === '' || MONTH.test(to);
  const load = useCallback(() => wishes.stats({ ...(from && MONTH.test(from) ? { from } : {}), ...(to && MONTH.test(to) ? { to } : {}) }), [from, to]);
  const stats = useLoad(load);
  const s = stats.data;
  const months = useMemo(() => (s ? monthsOption(s) : null), [s]);
  const cats = useMemo(() => (s ? categoryOption(s) : null), [s]);

  return (
    <div data-testid="wish-stats">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input addonBefore={S.ST_FROM} placeholder="2026-01" style={{ width: 200 }} value={from} status={okFrom ? undefined : 'error'} onChange={(e) => setFrom(e.target.value.trim())} data-testid="stats-from" />
        <Input addonBefore={S.ST_TO} placeholder="2026-12" style={{ width: 200 }} value={to} status={okTo ? undefined : 'error'} onChange={(e) => setTo(e.target.value.trim())} data-testid="stats-to" />
        {(!okFrom || !okTo) && <span className="ant-form-item-explain-error">月份格式应为 年-月（如 2026-12）</span>}
      </Space>
      {stats.error && <Alert type="error" showIcon title={stats.error} />}
      {s && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title={S.ST_AVG_CLAIM} value={s.avgDaysToClaim ?? S.ST_NONE} precision={s.avgDaysToClaim === null ? undefined : 1} suffix={s.avgDaysToClaim === null ? undefined : '天'} />
            </Col>
            <Col span={6}>
              <Statistic title={S.ST_AVG_FULFIL} value={s.avgDaysToFulfil ?? S.ST_NONE} precision={s.avgDaysToFulfil === null ? undefined : 1} suffix={s.avgDaysToFulfil === null ? undefined : '天'} />
            </Col>
          </Row>
          <Card size="small" title={S.ST_MONTHS}>
            {months && <Chart option={months} testId="stats-chart-months" />}
            <Table
              size="small"
              rowKey="month"
              pagination={false}
              dataSource={s.months}
              columns={[{ title: '月份', dataIndex: 'month' }, ...SERIES.map((k) => ({ title: S.ST_SERIES[k], dataIndex: k }))]}
              data-testid="stats-months"
            />
          </Card>
          <Row gutter={16}>
            <Col span={12}>
              <Card size="small" title={S.ST_CATEGORY}>
                {cats && <Chart option={cats} height={240} testId="stats-chart-category" />}
                <Table
                  size="small"
                  rowKey="category"
                  pagination={false}
                  dataSource={s.byCategory}
                  columns={[
                    { title: S.ST_COL_CATEGORY, dataIndex: 'category' },
                    { title: S.ST_COL_RECORDED, dataIndex: 'recorded' },
                    { title: S.ST_COL_FULFILLED, dataIndex: 'fulfilled' },
                    { title: S.ST_COL_VALUE, dataIndex: 'valueFen', render: (v: number) => formatYuan(v) },
                  ]}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={S.ST_UNITS}>
                <Table
                  size="small"
                  rowKey={(r) => r.claimantId ?? 'persons'}
                  pagination={false}
                  dataSource={s.byClaimantUnit}
                  columns={[
                    { title: S.ST_COL_UNIT, dataIndex: 'name' },
                    { title: S.ST_COL_CLAIMS, dataIndex: 'claims' },
                    { title: S.ST_COL_FULFILLED, dataIndex: 'fulfilled' },
                    { title: S.ST_COL_VALUE, dataIndex: 'valueFen', render: (v: number) => formatYuan(v) },
                  ]}
                  data-testid="stats-units"
                />
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </div>
  );
}
