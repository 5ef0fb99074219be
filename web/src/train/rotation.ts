// Turning a 3-D picture to look at it: a turn about the vertical axis (yaw), then a tilt towards
// the viewer (pitch), then an orthographic projection. World axes: x right, y away from the
// viewer, z up. Screen: x right, y down (as in SVG); depth grows away from the viewer.
export interface Projected {
  x: number;
  y: number;
  depth: number;
}

export function project(p: readonly [number, number, number], yaw: number, pitch: number): Projected {
  const [x, y, z] = p;
  // yaw about z:  x1 = x·cos θ − y·sin θ,  y1 = x·sin θ + y·cos θ
  const x1 = x * Math.cos(yaw) - y * Math.sin(yaw);
  const y1 = x * Math.sin(yaw) + y * Math.cos(yaw);
  // pitch about x:  y2 = y1·cos φ − z·sin φ,  z2 = y1·sin φ + z·cos φ
  const y2 = y1 * Math.cos(pitch) - z * Math.sin(pitch);
  const z2 = y1 * Math.sin(pitch) + z * Math.cos(pitch);
  return { x: x1, y: -z2, depth: y2 };
}

// The pitch stays between looking straight down and straight up.
export function clampPitch(pitch: number): number {
  return Math.max(-Math.PI / 2, Math.min(Math.PI / 2, pitch));
}
