// Copies the compiled GOV.UK Frontend script into wwwroot/lib (generated, not committed).
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('wwwroot/lib/govuk', { recursive: true });
for (const file of ['govuk-frontend.min.js', 'govuk-frontend.min.js.map']) {
  copyFileSync(`node_modules/govuk-frontend/dist/govuk/${file}`, `wwwroot/lib/govuk/${file}`);
}
