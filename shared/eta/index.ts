// Predicted arrival: the driver's work order, speeds learned from GPS tracks, the prediction.
export * from './driver-work';
export * from './speed-profile';
export * from './predict-arrival';
export * from './fleet-locator';
export * from './arrival-risk';
