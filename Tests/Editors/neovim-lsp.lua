-- End-to-end test of `bpc lsp` in a real editor: Neovim 0.7 (Debian's), headless.
-- Run by Tests/bpcTests/NeovimLSPTests.swift as
--   nvim --headless -u NONE -i NONE -n --cmd "let g:bpc_binary='...' | let g:bpc_sample='...'" -c "luafile neovim-lsp.lua"
-- Opens the sample, introduces an error, waits for its diagnostic, then asks for
-- hover, completion, rename, formatting and a quick fix and checks each answer. Neovim 0.7 has
-- no vim.lsp.start (0.8) nor semantic tokens (0.9): vim.lsp.start_client it is.

local function finish(code, message)
  io.stdout:write(message .. "\n")
  io.stdout:flush()
  vim.cmd((code == 0 and "qall!") or ("cquit " .. code))
end

local function fail(message) finish(1, "FAIL: " .. message) end
local function ok(message) io.stdout:write("ok: " .. message .. "\n") end

local function check(condition, message)
  if not condition then fail(message) error(message) end
  ok(message)
end

local bpc, sample = vim.g.bpc_binary, vim.g.bpc_sample
if not bpc or not sample then fail("g:bpc_binary and g:bpc_sample must be set") return end

local published = {}
local initialized = false
vim.cmd("edit " .. vim.fn.fnameescape(sample))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "bpc",
  cmd = { bpc, "lsp" },
  root_dir = vim.fn.fnamemodify(sample, ":h"),
  flags = { debounce_text_changes = 0 },
  on_init = function() initialized = true end,
  handlers = {
    ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
      table.insert(published, result)
      return vim.lsp.handlers["textDocument/publishDiagnostics"](err, result, ctx, config)
    end,
  },
})
check(client_id ~= nil, "client started")
vim.lsp.buf_attach_client(buf, client_id)
check(vim.wait(20000, function() return initialized end, 20), "server initialized")
local client = vim.lsp.get_client_by_id(client_id)
check(client.server_capabilities.hoverProvider == true or client.resolved_capabilities.hover == true, "hover capability")
check(vim.wait(20000, function() return #published > 0 end, 20), "diagnostics published on open")
check(#published[#published].diagnostics == 0, "the sample is clean")

local function find_line(pattern)
  for index, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:find(pattern, 1, true) then return index - 1, line end
  end
  fail("no line with " .. pattern)
end

local function request(method, line, character, extra)
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
  for key, value in pairs(extra or {}) do params[key] = value end
  local response = client.request_sync(method, params, 10000, buf)
  if not response or response.err then fail(method .. " failed: " .. vim.inspect(response)) end
  return response.result
end

-- 1. Introduce an error: `image: image` becomes `image: imagex`; wait for BP2020.
local row, text = find_line("image: image")
vim.api.nvim_buf_set_lines(buf, row, row + 1, false, { text .. "x" })
local found = vim.wait(20000, function()
  local last = published[#published]
  for _, diagnostic in ipairs(last.diagnostics) do
    if diagnostic.code == "BP2020" and diagnostic.message:find("imagex", 1, true) then return true end
  end
  return false
end, 20)
check(found, "BP2020 published for the introduced error")
local diagnostics = vim.diagnostic.get(buf)
check(#diagnostics >= 1 and diagnostics[1].lnum == row, "the editor shows it on line " .. row)

-- 2. Hover on the function name of `phase dump: KubeTask`.
local phase_row, phase_line = find_line("phase dump: KubeTask")
local hover = request("textDocument/hover", phase_row, (phase_line:find("KubeTask", 1, true)))
check(hover and hover.contents and hover.contents.value:find("**KubeTask**", 1, true), "hover shows KubeTask's documentation")
check(hover.contents.value:find("`command`: a list of strings, required", 1, true) ~= nil, "hover lists the arguments")

-- 3. Completion on a new line in the phase body: arguments not given yet.
vim.api.nvim_buf_set_lines(buf, phase_row + 1, phase_row + 1, false, { "    " })
local completion = request("textDocument/completion", phase_row + 1, 4)
local labels = {}
for _, item in ipairs(completion.items or completion) do labels[item.label] = true end
check(labels["podOverride"] and not labels["image"] and not labels["namespace"], "completion offers arguments not given yet")
vim.api.nvim_buf_set_lines(buf, phase_row + 1, phase_row + 2, false, {})

-- 4. Rename the phase `dump` to `dumpAll`: every use follows.
local rename_row, rename_line = find_line("phase dump:")
local edit = request("textDocument/rename", rename_row, (rename_line:find("dump", 1, true)), { newName = "dumpAll" })
vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding or "utf-16")
local all = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
check(all:find("phase dumpAll: KubeTask", 1, true) and all:find("dumpAll.output.kopiaOutput", 1, true)
  and all:find("dumpAll.secrets.pgSecret", 1, true) and not all:find("dump.output", 1, true), "rename rewrote every use")

-- 5. Formatting: a badly spaced line comes back in the canonical layout.
local blueprint_row, blueprint_line = find_line("blueprint postgres-bp {")
vim.api.nvim_buf_set_lines(buf, blueprint_row, blueprint_row + 1, false, { "blueprint    postgres-bp    {" })
local edits = client.request_sync("textDocument/formatting",
  { textDocument = { uri = vim.uri_from_bufnr(buf) }, options = { tabSize = 2, insertSpaces = true } }, 10000, buf)
check(edits and edits.result and #edits.result >= 1, "formatting returned edits")
vim.lsp.util.apply_text_edits(edits.result, buf, client.offset_encoding or "utf-16")
check(vim.api.nvim_buf_get_lines(buf, blueprint_row, blueprint_row + 1, false)[1] == blueprint_line, "formatting restored the line")

-- 6. Fix the error: the diagnostics clear.
local fixed_row, fixed = find_line("image: imagex")
vim.api.nvim_buf_set_lines(buf, fixed_row, fixed_row + 1, false, { (fixed:gsub("imagex", "image")) })
check(vim.wait(20000, function() return #published[#published].diagnostics == 0 end, 20), "diagnostics cleared after the fix")

-- 7. A quick fix: read an undeclared secret, apply the code action that declares it.
local user_row, user_line = find_line("export PGUSER='postgres'")
vim.api.nvim_buf_set_lines(buf, user_row, user_row + 1, false,
  { (user_line:gsub("'postgres'", "'{{ .Secrets.creds.Data.user | toString }}'")) })
local undeclared = nil
check(vim.wait(20000, function()
  for _, diagnostic in ipairs(published[#published].diagnostics) do
    if diagnostic.code == "BP2012" then undeclared = diagnostic return true end
  end
  return false
end, 20), "BP2012 published for the undeclared secret")
local actions = client.request_sync("textDocument/codeAction", { textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = undeclared.range, context = { diagnostics = { undeclared } } }, 10000, buf)
local declare = nil
for _, action in ipairs(actions and actions.result or {}) do
  if action.title:find("secret creds", 1, true) then declare = action end
end
check(declare ~= nil, "a code action declares the secret")
vim.lsp.util.apply_workspace_edit(declare.edit, client.offset_encoding or "utf-16")
check(find_line("  secret creds") ~= nil, "the declaration was inserted")
check(vim.wait(20000, function()
  for _, diagnostic in ipairs(published[#published].diagnostics) do
    if diagnostic.code == "BP2012" then return false end
  end
  return true
end, 20), "BP2012 cleared after the quick fix")

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return client.is_stopped() end, 20)
finish(0, "PASS")
