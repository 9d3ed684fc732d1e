import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, describe, type Group, type Ledger } from './api';
import { rangeOf, today, type Period } from './filters';
import { formatMonth, lastTwelveMonths, locale } from './format';
import { useLedgerEvents } from './live';
import { abs, formatMoney, fractionDigits, isNegative } from './money';
import { SelectField, TextField } from './ui';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
// Labels as large and as dark as the page's own text, for reading them.
Chart.defaults.font.size = 14;
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily || 'system-ui, sans-serif';
Chart.defaults.color = '#1c1f24';

const OUT = '#b3261e';
const IN = '#1b6e3a';
const NET = '#2456a6';

interface MonthRow { month: string; in: string; out: string; net: string }

/** Spending by type for a period, and money in, out and net for each of the last twelve months. */
export function DashboardScreen({ ledger }: { ledger: Ledger }) {
  const [period, setPeriod] = useState<Period>('this-month');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [byType, setByType] = useState<Group[] | null>(null);
  const [months, setMonths] = useState<MonthRow[] | null>(null);
  const [typeError, setTypeError] = useState<string | null>(null);
  const [monthsError, setMonthsError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0); // Try again asks again
  // others' changes ask again too, but what is shown stays until the new answer (no Loading… in between)
  const [changes, setChanges] = useState(0);
  useLedgerEvents(ledger.id, () => setChanges((n) => n + 1));
  const typesAsked = useRef(changes);
  const monthsAsked = useRef(changes);
  const lang = locale();
  const money = (a: string) => formatMoney(a, ledger.currency, lang);
  const on = today();

  useEffect(() => {
    if (typesAsked.current === changes) setByType(null);
    typesAsked.current = changes;
    setTypeError(null);
    let current = true; // an answer for a period no longer chosen (a slow "All time", say) is dropped
    const { from, to } = rangeOf({ period, ...custom }, on);
    const query = new URLSearchParams({ groupBy: 'type', maxAmount: negativeUnit(ledger.currency) });
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    api.summary(ledger.id, query)
      .then((s) => current && setByType([...s.groups].sort((a, b) => Number(a.total) - Number(b.total))))
      .catch((e) => current && setTypeError(describe(e)));
    return () => { current = false; };
  }, [ledger.id, period, custom.from, custom.to, attempt, changes]);

  useEffect(() => {
    if (monthsAsked.current === changes) setMonths(null);
    monthsAsked.current = changes;
    setMonthsError(null);
    let current = true;
    const list = lastTwelveMonths(on);
    const from = `${list[0]}-01`;
    const to = rangeOf({ period: 'this-month', from: '', to: '' }, on).to;
    const unit = positiveUnit(ledger.currency);
    const ask = (extra: Record<string, string>) =>
      api.summary(ledger.id, new URLSearchParams({ groupBy: 'month', from, to, ...extra }));
    Promise.all([ask({ minAmount: unit }), ask({ maxAmount: `-${unit}` }), ask({})])
      .then(([income, spending, net]) => {
        if (!current) return;
        const get = (groups: Group[], month: string) => groups.find((g) => g.month === month)?.total ?? zero(ledger.currency);
        setMonths(list.map((month) => ({
          month, in: get(income.groups, month), out: get(spending.groups, month), net: get(net.groups, month),
        })));
      })
      .catch((e) => current && setMonthsError(describe(e)));
    return () => { current = false; };
  }, [ledger.id, attempt, changes]);

  const error = typeError ?? monthsError;
  return (
    <section class="dashboard">
      <h1>Dashboard <span class="muted">· {ledger.name}</span></h1>
      {error && (
        <div class="alert alert-error" role="alert">
          {error} <button type="button" class="link-button" onClick={() => setAttempt(attempt + 1)}>Try again</button>
        </div>
      )}
      <div class="card">
        <div class="title-row">
          <h2 id="by-type-title">Spending by type</h2>
          <SelectField label="Period" value={period} onValue={(p) => setPeriod(p as Period)} className="inline">
            <option value="this-month">This month</option>
            <option value="last-month">Last month</option>
            <option value="this-year">This year</option>
            <option value="all">All time</option>
            <option value="custom">Custom…</option>
          </SelectField>
        </div>
        {period === 'custom' && (
          <div class="range">
            <TextField label="From" type="date" value={custom.from} onValue={(from) => setCustom({ ...custom, from })} />
            <TextField label="To" type="date" value={custom.to} onValue={(to) => setCustom({ ...custom, to })} />
          </div>
        )}
        {byType === null ? (typeError ? <p class="muted">Not available.</p> : <p aria-busy="true">Loading…</p>) : byType.length === 0 ? <p class="muted">No spending in this period.</p> : <>
          <BarChart label="Spending by type" horizontal money={money}
            labels={byType.map((g) => g.type ?? '')}
            series={[{ name: 'Spent', color: OUT, values: byType.map((g) => abs(g.total)) }]} />
          <table class="numbers">
            <caption>Spending by type</caption>
            <thead><tr><th scope="col">Type</th><th scope="col" class="num">Expenses</th><th scope="col" class="num">Spent</th></tr></thead>
            <tbody>{byType.map((g) => (
              <tr key={g.type}><th scope="row">{g.type}</th><td class="num">{g.count}</td><td class="num">{money(abs(g.total))}</td></tr>
            ))}</tbody>
          </table>
        </>}
      </div>
      <div class="card">
        <h2>Money in and out, last 12 months</h2>
        {months === null ? (monthsError ? <p class="muted">Not available.</p> : <p aria-busy="true">Loading…</p>) : <>
          <BarChart label="Money in and out by month" money={money}
            labels={months.map((m) => formatMonth(m.month, lang))}
            series={[
              { name: 'In', color: IN, values: months.map((m) => m.in) },
              { name: 'Out', color: OUT, values: months.map((m) => abs(m.out)) },
            ]} />
          <BarChart label="Net total by month" money={money}
            labels={months.map((m) => formatMonth(m.month, lang))}
            series={[{ name: 'Net', color: NET, values: months.map((m) => m.net) }]} />
          <div class="scroll-x" tabIndex={0} role="region" aria-label="Totals by month">
            <table class="numbers">
              <caption>Totals by month</caption>
              <thead><tr><th scope="col">Month</th><th scope="col" class="num">In</th><th scope="col" class="num">Out</th><th scope="col" class="num">Net</th></tr></thead>
              <tbody>{months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(m.month, lang)}</th>
                  <td class="num in">{money(m.in)}</td>
                  <td class="num out">{money(m.out)}</td>
                  <td class={`num ${isNegative(m.net) ? 'out' : 'in'}`}>{money(m.net)}</td>
                </tr>
              ))}</tbody>
            </table>
          </div>
        </>}
      </div>
    </section>
  );
}

function positiveUnit(currency: string): string {
  const digits = fractionDigits(currency);
  return digits === 0 ? '1' : `0.${'0'.repeat(digits - 1)}1`;
}
function negativeUnit(currency: string): string {
  return `-${positiveUnit(currency)}`;
}
function zero(currency: string): string {
  const digits = fractionDigits(currency);
  return digits === 0 ? '0' : `0.${'0'.repeat(digits)}`;
}

/** A bar chart; the exact numbers are in the table beside it and in the tooltips. */
function BarChart({ label, labels, series, money, horizontal = false }: {
  label: string; labels: string[]; series: { name: string; color: string; values: string[] }[];
  money: (a: string) => string; horizontal?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        // Chart.js draws numbers; what people read are the exact amounts in the tooltips and the table.
        datasets: series.map((s) => ({ label: s.name, data: s.values.map(Number), backgroundColor: s.color })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: series.length > 1 },
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label}: ${money(series[item.datasetIndex].values[item.dataIndex])}`,
            },
          },
        },
        scales: {
          [horizontal ? 'x' : 'y']: { ticks: { callback: (v) => money(String(v)).replace(/[.,]00(?=\D*$)/, '') } },
        },
      },
    });
    return () => chart.destroy();
  }, [JSON.stringify(labels), JSON.stringify(series)]);
  const height = horizontal ? Math.max(160, labels.length * 32 + 40) : 260;
  return (
    <div class="chart" ref={(el) => { if (el) el.style.height = `${height}px`; }}>
      <canvas ref={canvas} role="img" aria-label={`${label} (chart; the numbers are in the table below)`} />
    </div>
  );
}
