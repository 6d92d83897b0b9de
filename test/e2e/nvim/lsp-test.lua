-- Headless Neovim (0.7+) built-in LSP client against the Perwal language server.
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/nvim/lsp-test.lua'
-- Environment (set by scripts/e2e-run.sh):
--   PERWAL_NODE, PERWAL_SERVER    server command: $PERWAL_NODE $PERWAL_SERVER --stdio
--   PERWAL_DIAG_FILE              file whose diagnostics/symbols are checked (bekasi seed)
--   PERWAL_EXPECT_CODE            a diagnostic code (or exact message) that must be published (duplicate-number)
--   PERWAL_EXPECT_SYMBOL          a top-level document symbol name (BAB I)
--   PERWAL_DEF_FILE, PERWAL_DEF_LINE, PERWAL_DEF_NEEDLE, PERWAL_DEF_TARGET
--                                 definition at the needle on DEF_LINE (1-based) must land on DEF_TARGET (1-based)
--   OUT_JSON                      where the observations are written
-- Exit status 0 = every check passed, 1 = failure (message on stderr and in OUT_JSON).
local out = { checks = {} }
local function finish(code, msg)
  out.exit = code; out.message = msg
  local f = io.open(vim.env.OUT_JSON or '/tmp/perwal-nvim-result.json', 'w')
  if f then f:write(vim.fn.json_encode(out)); f:close() end
  io.stderr:write((code == 0 and 'PASS: ' or 'FAIL: ') .. (msg or '') .. '\n')
  vim.cmd(code == 0 and 'qall!' or ('cquit! ' .. code))
end

local ok, err = pcall(function()
  local t0 = vim.loop.hrtime()
  local ms = function() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
  local diag_file = assert(vim.env.PERWAL_DIAG_FILE, 'PERWAL_DIAG_FILE not set')
  local def_file = vim.env.PERWAL_DEF_FILE or diag_file
  local published = {} -- uri -> raw LSP diagnostics (codes exactly as the server sent them)
  local initialized = false
  local client_id = vim.lsp.start_client({
    name = 'perwal',
    cmd = { vim.env.PERWAL_NODE or 'node', assert(vim.env.PERWAL_SERVER, 'PERWAL_SERVER not set'), '--stdio' },
    root_dir = vim.fn.fnamemodify(diag_file, ':p:h'),
    on_init = function() initialized = true end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        published[result.uri] = result.diagnostics
        return vim.lsp.handlers['textDocument/publishDiagnostics'](e, result, ctx, config)
      end,
    },
  })
  assert(client_id, 'start_client returned nil')
  local function open(file)
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local buf = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(buf, client_id)
    return buf, vim.uri_from_bufnr(buf)
  end
  local function request(buf, method, params)
    local res, rerr = vim.lsp.buf_request_sync(buf, method, params, 10000)
    assert(res and res[client_id], method .. ' failed: ' .. vim.inspect(rerr or res))
    assert(not res[client_id].err, method .. ' error: ' .. vim.inspect(res[client_id].err))
    return res[client_id].result
  end

  local buf, uri = open(diag_file)
  assert(vim.wait(15000, function() return initialized end, 20), 'server did not initialize in 15s')
  out.checks.initialized_ms = ms()

  -- 1. diagnostics with the expected code (waits on the notification, polling the event loop every 20 ms)
  local want = vim.env.PERWAL_EXPECT_CODE or 'duplicate-number'
  local function has_code()
    for _, d in ipairs(published[uri] or {}) do
      local c = type(d.code) == 'table' and d.code.value or d.code
      if tostring(c) == want or d.message == want then return true end
    end
    return false
  end
  if not vim.wait(15000, has_code, 20) then
    error('no "' .. want .. '" diagnostic within 15s; got: ' .. vim.inspect(published[uri]))
  end
  out.diagnostics = vim.tbl_map(function(d)
    return { line = d.range.start.line + 1, code = d.code, source = d.source, message = d.message }
  end, published[uri])
  out.checks.diagnostics_ms = ms()

  -- 2. textDocument/documentSymbol: non-empty, has the expected top-level symbol
  local syms = request(buf, 'textDocument/documentSymbol', { textDocument = { uri = uri } })
  assert(type(syms) == 'table' and #syms > 0, 'documentSymbol returned nothing')
  local want_sym = vim.env.PERWAL_EXPECT_SYMBOL or 'BAB I'
  local names = {}
  for _, s in ipairs(syms) do table.insert(names, s.name) end
  assert(vim.tbl_contains(names, want_sym), 'no symbol "' .. want_sym .. '" in ' .. vim.inspect(names))
  out.documentSymbol = names
  out.checks.symbols_ms = ms()

  -- 3. textDocument/definition at the needle on DEF_LINE
  local def_line = tonumber(vim.env.PERWAL_DEF_LINE or '60')
  local needle = vim.env.PERWAL_DEF_NEEDLE or 'ayat (1)'
  local target = tonumber(vim.env.PERWAL_DEF_TARGET or '59')
  local dbuf, duri = open(def_file)
  local text = vim.api.nvim_buf_get_lines(dbuf, def_line - 1, def_line, false)[1] or ''
  local col = text:find(needle, 1, true)
  assert(col, 'needle "' .. needle .. '" not on line ' .. def_line .. ': ' .. text)
  local def = request(dbuf, 'textDocument/definition', { textDocument = { uri = duri }, position = { line = def_line - 1, character = col + 1 } })
  out.definition = def
  if def and def[1] then def = def[1] end -- Location[] | LocationLink[] | Location
  assert(def, 'definition returned nothing')
  local range = def.targetSelectionRange or def.targetRange or def.range
  assert(range and range.start.line == target - 1,
    'definition should land on line ' .. target .. ', got ' .. vim.inspect(out.definition))
  out.checks.total_ms = ms()
  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)
if ok then finish(0, 'diagnostics, documentSymbol and definition checks passed') else finish(1, tostring(err)) end
