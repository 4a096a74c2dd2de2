export { standardizedIsGeneric, standardizedMatchRecord } from '@mdm/core';
