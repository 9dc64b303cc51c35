// Starts GOV.UK Frontend's components (the page works without this script; it only enhances).
import { initAll } from '/lib/govuk/govuk-frontend.min.js';

initAll();

// A scrolling region for a wide table is in the tab order only while it has something to scroll to.
const regions = document.querySelectorAll('.phso-table-scroll');
const focusableWhenScrolling = () => regions.forEach((region) => {
  if (region.scrollWidth > region.clientWidth + 1) {
    region.setAttribute('tabindex', '0');
  } else {
    region.removeAttribute('tabindex');
  }
});
focusableWhenScrolling();
window.addEventListener('resize', focusableWhenScrolling);
