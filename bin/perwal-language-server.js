#!/usr/bin/env node
// The Perwal language server for any LSP client (Neovim, Emacs, Helix, …): `perwal-language-server`
// speaks LSP over stdio unless another transport (--node-ipc, --socket=N, --pipe=NAME) is given.
// dist/launch.js starts dist/server.js with the environment it is tuned for (server/src/launch/).
'use strict';
require('../dist/launch.js');
