// Entry point of dist/server.js: started by the VS Code client (IPC) or by `grounded lsp --stdio`.
import { startServer } from "./server.js";

startServer();
