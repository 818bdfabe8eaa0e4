/** The feature's public face: the app frame imports only this. */
export { SetupWizardPage } from './SetupWizardPage';
