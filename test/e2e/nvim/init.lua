-- Minimal Neovim (0.7+) init for planlint's end-to-end test: a second, independent LSP client.
-- Run headless with this file only:
--   PLANLINT_SERVER=<repo>/server/dist/server.js PLANLINT_OUT=out.json \
--   nvim --headless --noplugin -n -i NONE -u test/e2e/nvim/init.lua <plan.txt>
-- After VimEnter it starts the language server over stdio, attaches it to the buffer, waits for
-- the diagnostics it pushes, asks for the document symbols (the outline), writes everything it
-- received as JSON to $PLANLINT_OUT and quits (exit code 0; 1 when something never arrived).
vim.o.swapfile = false
vim.o.shadafile = 'NONE'
vim.o.more = false

local server = os.getenv('PLANLINT_SERVER')
local out = os.getenv('PLANLINT_OUT')
local timeout = tonumber(os.getenv('PLANLINT_TIMEOUT_MS') or '20000')
-- 'nonempty' (default): wait until the buffer shows at least one diagnostic; 'any': until the
-- server has published for the buffer at all (a clean plan gets an empty list)
local wait_for = os.getenv('PLANLINT_WAIT_DIAGNOSTICS') or 'nonempty'

local result = {
  nvim = vim.version(),
  errors = {},
  published = {}, -- every textDocument/publishDiagnostics params, raw
  diagnostics = {}, -- vim.diagnostic.get(buf) after the wait (what nvim shows)
  symbols = vim.NIL, -- textDocument/documentSymbol result
  capabilities = vim.NIL,
  server_info = vim.NIL,
}

local function finish(code)
  local f = io.open(out, 'w')
  if f then
    f:write(vim.fn.json_encode(result))
    f:close()
  end
  vim.cmd((code == 0) and 'qall!' or 'cquit! ' .. code)
end

local function fail(msg)
  table.insert(result.errors, msg)
  finish(1)
end

local function run()
  if not server or not out then
    io.stderr:write('PLANLINT_SERVER and PLANLINT_OUT must be set\n')
    vim.cmd('cquit! 2')
    return
  end
  local buf = vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(buf)
  local root = vim.fn.fnamemodify(path, ':p:h')
  local published_for_buf = false
  local client_id = vim.lsp.start_client({
    name = 'planlint',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'plans' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        table.insert(result.published, params)
        if params and params.uri == vim.uri_from_bufnr(buf) then
          published_for_buf = true
        end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
    },
    on_exit = function(code, signal)
      if code ~= 0 then
        table.insert(result.errors, string.format('server exited with code %s, signal %s', tostring(code), tostring(signal)))
      end
    end,
  })
  if not client_id then
    return fail('vim.lsp.start_client returned nil')
  end
  if not vim.lsp.buf_attach_client(buf, client_id) then
    return fail('vim.lsp.buf_attach_client failed')
  end

  local client
  local ok = vim.wait(timeout, function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 50)
  if not ok then
    return fail('the server did not finish initialize within ' .. timeout .. ' ms')
  end
  result.capabilities = client.server_capabilities or client.resolved_capabilities or vim.NIL
  result.server_info = (client.server_info ~= nil) and client.server_info or vim.NIL

  -- diagnostics are pushed after didOpen (debounced)
  ok = vim.wait(timeout, function()
    return published_for_buf and (wait_for == 'any' or #vim.diagnostic.get(buf) > 0)
  end, 50)
  if not ok then
    table.insert(result.errors, 'no diagnostics (' .. wait_for .. ') for the buffer within ' .. timeout .. ' ms')
  end
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or vim.NIL,
    })
  end

  local params = { textDocument = vim.lsp.util.make_text_document_params(buf) }
  local res, err = client.request_sync('textDocument/documentSymbol', params, timeout, buf)
  if not res then
    table.insert(result.errors, 'documentSymbol: ' .. tostring(err))
  elseif res.err then
    table.insert(result.errors, 'documentSymbol error: ' .. vim.inspect(res.err))
  else
    result.symbols = res.result or vim.NIL
  end

  client.stop()
  vim.wait(2000, function()
    return vim.lsp.get_client_by_id(client_id) == nil
  end, 50)
  finish(#result.errors == 0 and 0 or 1)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      fail('init.lua: ' .. tostring(err))
    end
  end,
})
