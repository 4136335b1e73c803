import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import uPlot from 'uplot';
import uplotStyles from 'uplot/dist/uPlot.min.css?inline';

/** How a deployment ended; the marker's colour says it. */
export type DeploymentOutcome = 'SUCCEEDED' | 'FAILED' | 'ROLLED_BACK';

export interface TimeSeries {
  name: string;
  /** [epoch milliseconds, value], in any order. */
  points: [number, number][];
}

export interface DeploymentMarker {
  /** Epoch milliseconds. */
  time: number;
  label: string;
  kind: DeploymentOutcome;
}

/** Everything the chart shows, sent by the server as one property (TimeSeriesChart.java). */
export interface TimeSeriesChartModel {
  title: string;
  unit: string;
  series: TimeSeries[];
  markers: DeploymentMarker[];
  emptyText: string;
}

/** Lumo's colours are light-dark() and color-mix() expressions; a canvas needs plain colours. */
interface Palette {
  background: string;
  axis: string;
  grid: string;
  series: string[];
  font: string;
}

const SERIES_COLOURS = 6;
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/**
 * A time-series chart over uPlot: one or more series against time, their values at the cursor
 * in the legend, drag to zoom into a range (reported as a `range-selected` event), double-click
 * to zoom out again (`range-reset`), and vertical markers for deployments. Colours follow Lumo,
 * light or dark, and the chart takes the size of its box.
 */
@customElement('tollgate-timeseries')
export class TollgateTimeseries extends LitElement {
  static styles = [
    uplotStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        box-sizing: border-box;
        width: 100%;
        height: 320px;
        min-height: 160px;
        color: var(--lumo-body-text-color);
        font-family: var(--lumo-font-family);
        font-size: var(--lumo-font-size-s);
        /* The series palette; a page may override any of these. */
        --tollgate-series-1: var(--lumo-primary-color);
        --tollgate-series-2: #8e44ad;
        --tollgate-series-3: #e67e22;
        --tollgate-series-4: #16a085;
        --tollgate-series-5: #c0392b;
        --tollgate-series-6: #7f8c8d;
      }

      :host([hidden]) {
        display: none;
      }

      .header {
        display: flex;
        align-items: baseline;
        gap: var(--lumo-space-s);
        padding-bottom: var(--lumo-space-xs);
      }

      .title {
        font-weight: 600;
        font-size: var(--lumo-font-size-m);
      }

      .unit {
        color: var(--lumo-secondary-text-color);
      }

      .plot {
        position: relative;
        flex: 1 1 auto;
        min-height: 0;
        overflow: hidden;
      }

      .plot > .uplot {
        position: absolute;
        inset: 0 auto auto 0;
        font-family: inherit;
      }

      .legend .u-legend {
        font-size: var(--lumo-font-size-s);
        color: var(--lumo-body-text-color);
      }

      .legend .u-legend th {
        font-weight: 500;
      }

      .u-select {
        background: var(--lumo-primary-color-10pct);
      }

      .u-cursor-x,
      .u-cursor-y {
        border-color: var(--lumo-contrast-50pct) !important;
      }

      .empty {
        flex: 1 1 auto;
        display: flex;
        align-items: center;
        justify-content: center;
        color: var(--lumo-secondary-text-color);
        border: 1px dashed var(--lumo-contrast-20pct);
        border-radius: var(--lumo-border-radius-m);
      }

      .markers {
        position: absolute;
        inset: 0;
        pointer-events: none;
      }

      .marker {
        position: absolute;
        top: 0;
        bottom: 0;
        width: 0;
        border-left: 2px dashed var(--marker-colour);
      }

      .marker[data-kind='SUCCEEDED'] {
        --marker-colour: var(--lumo-success-color);
      }

      .marker[data-kind='FAILED'] {
        --marker-colour: var(--lumo-error-color);
      }

      .marker[data-kind='ROLLED_BACK'] {
        --marker-colour: var(--lumo-warning-color);
      }

      .marker .flag {
        position: absolute;
        top: 0;
        left: -6px;
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--marker-colour);
        border: 1px solid var(--lumo-base-color);
        pointer-events: auto;
        cursor: default;
      }

      .marker.outside {
        display: none;
      }

      .probe {
        position: absolute;
        width: 0;
        height: 0;
        overflow: hidden;
        visibility: hidden;
      }
    `,
  ];

  /** Set by the server in one piece; see TimeSeriesChart.java. */
  @property({ attribute: false })
  chart?: TimeSeriesChartModel;

  @query('.plot')
  private plotArea?: HTMLElement;

  @query('.legend')
  private legendArea?: HTMLElement;

  @query('.probe')
  private probe?: HTMLElement;

  private plot?: uPlot;
  private markerLayer?: HTMLElement;
  private resizeObserver?: ResizeObserver;
  private schemeObserver?: MutationObserver;
  private readonly systemScheme = window.matchMedia('(prefers-color-scheme: dark)');
  private palette?: Palette;
  private readonly onSchemeChange = () => {
    // <html> changes for other reasons too; repaint only when the colours did change.
    if (this.plot && JSON.stringify(this.readPalette()) !== JSON.stringify(this.palette)) {
      this.rebuild();
    }
  };

  connectedCallback(): void {
    super.connectedCallback();
    // Lumo switches between light and dark through the page's colour scheme: an attribute or
    // style on <html>, or the system preference. The canvas must be repainted in new colours.
    this.schemeObserver = new MutationObserver(this.onSchemeChange);
    this.schemeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme', 'style', 'class'] });
    this.systemScheme.addEventListener('change', this.onSchemeChange);
    if (this.hasUpdated) {
      this.rebuild();
      this.observeSize();
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.schemeObserver?.disconnect();
    this.systemScheme.removeEventListener('change', this.onSchemeChange);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.destroyPlot();
  }

  protected render() {
    const model = this.chart;
    const empty = !hasPoints(model);
    return html`
      <div class="header" part="header">
        <span class="title">${model?.title ?? ''}</span>
        ${model?.unit ? html`<span class="unit">${model.unit}</span>` : nothing}
      </div>
      <div class="plot" part="plot" ?hidden=${empty}></div>
      <div class="legend" part="legend" ?hidden=${empty}></div>
      ${empty ? html`<div class="empty" part="empty">${model?.emptyText ?? ''}</div>` : nothing}
      <span class="probe" aria-hidden="true"></span>
    `;
  }

  protected firstUpdated(): void {
    this.observeSize();
  }

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has('chart')) {
      this.rebuild();
    }
  }

  private observeSize(): void {
    if (this.resizeObserver || !this.plotArea) {
      return;
    }
    this.resizeObserver = new ResizeObserver(() => {
      const size = this.plotSize();
      if (this.plot && size) {
        this.plot.setSize(size);
      } else if (!this.plot && size && hasPoints(this.chart)) {
        // First time the chart has room (it may have been built while hidden).
        this.rebuild();
      }
    });
    this.resizeObserver.observe(this.plotArea);
  }

  private plotSize(): { width: number; height: number } | undefined {
    const area = this.plotArea;
    if (!area || area.clientWidth === 0 || area.clientHeight === 0) {
      return undefined;
    }
    return { width: area.clientWidth, height: area.clientHeight };
  }

  private destroyPlot(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.markerLayer = undefined;
    if (this.legendArea) {
      this.legendArea.replaceChildren();
    }
  }

  private rebuild(): void {
    this.destroyPlot();
    const model = this.chart;
    const size = this.plotSize();
    if (!model || !hasPoints(model) || !size || !this.plotArea) {
      return;
    }
    const palette = (this.palette = this.readPalette());
    const unit = model.unit ? ` ${model.unit}` : '';
    const axis: uPlot.Axis = {
      stroke: palette.axis,
      font: palette.font,
      grid: { stroke: palette.grid, width: 1 },
      ticks: { stroke: palette.grid, width: 1 },
    };
    const options: uPlot.Options = {
      ...size,
      ms: 1,
      series: [
        {},
        ...model.series.map((series, i) => ({
          label: series.name,
          stroke: palette.series[i % palette.series.length],
          width: 2,
          spanGaps: true,
          points: { fill: palette.background },
          value: (_u: uPlot, value: number | null) => (value == null ? '--' : numberFormat.format(value) + unit),
        })),
      ],
      axes: [axis, { ...axis, size: 60, values: (_u, splits) => splits.map((v) => numberFormat.format(v)) }],
      cursor: {
        // Zooming is ours: the server hears about it, and markers follow the new scale.
        drag: { x: true, y: false, setScale: false },
        points: { size: 7, fill: (_u, i) => palette.series[(i - 1) % palette.series.length] },
      },
      legend: { live: true, mount: (_u, legend) => this.legendArea?.append(legend) },
      hooks: {
        setSelect: [(u) => this.zoomToSelection(u)],
        draw: [(u) => this.placeMarkers(u)],
        ready: [(u) => u.over.addEventListener('dblclick', () => this.resetZoom())],
      },
    };
    this.plot = new uPlot(options, alignedData(model.series), this.plotArea);
    // The legend now sits under the plot and took some of its height.
    const fitted = this.plotSize();
    if (fitted) {
      this.plot.setSize(fitted);
    }
    this.markerLayer = document.createElement('div');
    this.markerLayer.className = 'markers';
    this.markerLayer.append(...model.markers.map(markerElement));
    this.plot.over.append(this.markerLayer);
    this.placeMarkers(this.plot);
  }

  private zoomToSelection(u: uPlot): void {
    const { left, width } = u.select;
    if (width < 2) {
      return;
    }
    const from = Math.round(u.posToVal(left, 'x'));
    const to = Math.round(u.posToVal(left + width, 'x'));
    u.setScale('x', { min: from, max: to });
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    this.dispatchEvent(new CustomEvent('range-selected', { detail: { from, to } }));
  }

  private resetZoom(): void {
    // uPlot itself zooms back out on a double-click; the server only needs to know.
    this.dispatchEvent(new CustomEvent('range-reset'));
  }

  private placeMarkers(u: uPlot): void {
    const layer = this.markerLayer;
    if (!layer) {
      return;
    }
    const width = u.over.clientWidth;
    for (const element of Array.from(layer.children) as HTMLElement[]) {
      const left = u.valToPos(Number(element.dataset.time), 'x');
      const outside = !(left >= 0 && left <= width);
      element.classList.toggle('outside', outside);
      element.style.left = `${left}px`;
    }
  }

  /** Resolves a CSS colour (a Lumo custom property, typically) to what the canvas accepts. */
  private resolveColour(value: string): string {
    const probe = this.probe!;
    probe.style.color = value;
    return getComputedStyle(probe).color;
  }

  private readPalette(): Palette {
    const series = [];
    for (let i = 1; i <= SERIES_COLOURS; i++) {
      series.push(this.resolveColour(`var(--tollgate-series-${i})`));
    }
    return {
      background: this.resolveColour('var(--lumo-base-color)'),
      axis: this.resolveColour('var(--lumo-secondary-text-color)'),
      grid: this.resolveColour('var(--lumo-contrast-10pct)'),
      series,
      font: `12px ${getComputedStyle(this).fontFamily}`,
    };
  }
}

function hasPoints(model?: TimeSeriesChartModel): boolean {
  return !!model && model.series.some((series) => series.points.length > 0);
}

/** uPlot wants one shared, sorted x array; series measured at different times get gaps. */
function alignedData(series: TimeSeries[]): uPlot.AlignedData {
  const tables = series.map((s): uPlot.AlignedData => {
    const sorted = [...s.points].sort((a, b) => a[0] - b[0]);
    return [sorted.map((p) => p[0]), sorted.map((p) => p[1])];
  });
  return uPlot.join(tables);
}

function markerElement(marker: DeploymentMarker): HTMLElement {
  const element = document.createElement('div');
  element.className = 'marker';
  element.dataset.kind = marker.kind;
  element.dataset.time = String(marker.time);
  const flag = document.createElement('div');
  flag.className = 'flag';
  const when = new Date(marker.time).toLocaleString();
  flag.title = `${marker.label} (${kindText(marker.kind)}, ${when})`;
  flag.setAttribute('role', 'img');
  flag.setAttribute('aria-label', flag.title);
  element.append(flag);
  return element;
}

function kindText(kind: DeploymentOutcome): string {
  switch (kind) {
    case 'SUCCEEDED':
      return 'succeeded';
    case 'FAILED':
      return 'failed';
    case 'ROLLED_BACK':
      return 'rolled back';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tollgate-timeseries': TollgateTimeseries;
  }
}
