// The single entry to @peculiar/x509: importing it from here guarantees the Reflect shim is
// evaluated first (ES modules evaluate imports in order).
import './reflect-metadata-shim'
import * as x509 from '@peculiar/x509'

export { x509 }
