export { invalidUtf8, deeplyNested, mutatedRecord } from './arbitraries.js';
export { readWhole, insaneEvents } from './sanity.js';
