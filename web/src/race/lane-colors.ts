// One colour per neuron everywhere on the race page: squared error purple, cross-entropy blue.
export const LANE_COLORS = ['#7c3aed', '#1d4ed8'] as const;
