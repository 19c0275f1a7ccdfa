// ReDoc over the app's own schema (no inline script: the CSP allows 'self' only).
Redoc.init("/openapi.json", { disableSearch: false }, document.getElementById("redoc"));
