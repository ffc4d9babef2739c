export { generatePiHome, type PiHomeOptions } from './home-generator.js';
