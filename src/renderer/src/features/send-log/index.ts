/** The feature's public face: the app frame imports only this. */
export { SendLogPage } from './SendLogPage';
