// The single entry to @peculiar/x509: its dependency tsyringe needs the Reflect metadata API
// at import time, so the polyfill is imported first (ES modules evaluate imports in order).
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'

export { x509 }
