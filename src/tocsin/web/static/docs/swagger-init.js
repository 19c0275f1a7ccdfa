// Swagger UI over the app's own schema (no inline script: the CSP allows 'self' only).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
