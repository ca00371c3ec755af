import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

// EventAdminApp: login with the admin certificate, label configs, relays, live dashboard (issue 7, in progress).
function AdminApp() {
  return <main><h1>EventPipe admin</h1><p>The admin app is being built; the admin API is at /v1/admin (see openapi.yaml).</p></main>;
}

createRoot(document.getElementById("root")!).render(<StrictMode><AdminApp /></StrictMode>);
