export { addTruth, callSize, PiSessionLines, ZERO_TRUTH, type PiTokensTruth, type PiUsageStyle } from './lines.js';
export {
  generatePiHome,
  piFileName,
  piProjectDir,
  type PiHomeOptions,
  type PiHomeTruth,
  type PiSessionTruth,
} from './home-generator.js';
