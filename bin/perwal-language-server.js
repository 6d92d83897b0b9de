#!/usr/bin/env node
// The Perwal language server for any LSP client (Neovim, Emacs, Helix, …): `perwal-language-server`
// speaks LSP over stdio unless another transport (--node-ipc, --socket=N, --pipe=NAME) is given.
'use strict';
if (!process.argv.slice(2).some((arg) => /^--(stdio|node-ipc|socket|pipe)\b/.test(arg))) process.argv.push('--stdio');
require('../dist/server.js');
