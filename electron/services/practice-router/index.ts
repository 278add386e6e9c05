export { PracticeRouter, type PracticeRouterOptions } from './router'
export { practiceCucmCertificate, practiceCucmCertificateAsync } from './cucm-cert'
export { RouterSnapshotSchema, type RouterSnapshot } from './state'
export { profileBlockers } from './registration'
