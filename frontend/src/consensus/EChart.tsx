/**
 * An ECharts chart as a React component: made on mount, given its option on each change, resized
 * with its box, disposed on unmount. (What echarts-for-react does, without its undeclared runtime
 * dependency on tslib, which breaks a Vite build.)
 */
import type { EChartsCoreOption } from "echarts/core";
import * as echarts from "echarts/core";
import { useEffect, useRef, type CSSProperties } from "react";

export function EChart({ option, style }: { option: EChartsCoreOption; style?: CSSProperties }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // SVG: sharp at any zoom, and the few shapes of these charts cost nothing.
    const instance = echarts.init(element, null, { renderer: "svg" });
    chart.current = instance;
    const observer = typeof ResizeObserver === "undefined" ? undefined : new ResizeObserver(() => instance.resize());
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={box} style={style} />;
}
