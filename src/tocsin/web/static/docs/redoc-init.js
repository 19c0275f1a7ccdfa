// ReDoc 3 (an ES module) over the app's own schema; no inline script: the CSP allows 'self'.
import { init } from "/dashboard/static/vendor/redoc/redoc.standalone.js";

init("/openapi.json", {}, document.getElementById("redoc"));
