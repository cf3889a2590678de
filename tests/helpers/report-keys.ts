/** The keys every `train` report and `compare` row leads with, in the order the issues give them. */
export const ISSUE_REPORT_KEYS = [
  'model',
  'testRmse',
  'valRmse',
  'trainMeanRmse',
  'params',
  'epochs',
  'backend',
];
