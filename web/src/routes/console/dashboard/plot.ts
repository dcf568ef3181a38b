import * as Plot from '@observablehq/plot';

/** A left-hand axis whose labels sit above their row, as the console's charts place them. */
export function labelsAbove(options: { facet: boolean; dy: number }) {
  const settings = {
    anchor: 'left' as const,
    frameAnchor: 'top' as const,
    dy: options.dy,
    textAnchor: 'start' as const,
    label: null,
    tickSize: 0,
    dx: 0,
  };
  return options.facet ? Plot.axisFy(settings) : Plot.axisY(settings);
}

/**
 * Puts a drawn chart into `element`, made fit for the page: Plot's own `<style>` element goes
 * (the Content-Security-Policy refuses it; console.css has the same rules), and every labelled
 * mark becomes an image to assistive technology (ARIA allows a label only then). Returns the
 * clean-up for an effect.
 */
export function show(element: HTMLElement, chart: Element): () => void {
  chart.querySelectorAll('style').forEach((style) => style.remove());
  chart.querySelectorAll('g [aria-label]').forEach((mark) => mark.setAttribute('role', 'img'));
  element.replaceChildren(chart);
  return () => element.replaceChildren();
}
