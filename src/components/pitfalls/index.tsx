export { ModesGrid } from './ModesGrid';
export { PitfallLab } from './PitfallLab';
