// Starts GOV.UK Frontend's components (the page works without this script; it only enhances).
import { initAll } from '/lib/govuk/govuk-frontend.min.js';

initAll();
