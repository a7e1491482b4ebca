-- Drives Neovim as a user would, after the README's recipe has set Grounded up, and writes what
-- happened to $GROUNDED_NVIM_RESULT (JSON) for check.mjs. Never prompts: a prompt would hang.
local result = { messages = {}, prompts = 0 }

local function finish(problem)
  result.error = problem
  local file = assert(io.open(os.getenv("GROUNDED_NVIM_RESULT"), "w"))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd("qa!")
end

-- A prompt (window/showMessageRequest) would block the editor: count it, answer nothing.
vim.lsp.handlers["window/showMessageRequest"] = function()
  result.prompts = result.prompts + 1
  return vim.NIL
end
local show_message = vim.lsp.handlers["window/showMessage"]
vim.lsp.handlers["window/showMessage"] = function(err, params, ctx, config)
  table.insert(result.messages, params.message)
  return show_message(err, params, ctx, config)
end

-- An invalid setting next to the recipe's: it must be reported in a message, never a prompt.
local start_client = vim.lsp.start_client
vim.lsp.start_client = function(config)
  config.settings.grounded.maxFileSize = "big"
  return start_client(config)
end

local function run()
  local draft = vim.api.nvim_get_current_buf()
  if not vim.wait(60000, function() return #vim.diagnostic.get(draft) > 0 end, 100) then
    error("no diagnostics within 60 s")
  end
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(draft)) do
    table.insert(result.diagnostics, { message = d.message, lnum = d.lnum, col = d.col, severity = d.severity })
  end
  local first = vim.diagnostic.get(draft)[1]
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })

  local hovers = vim.lsp.buf_request_sync(draft, "textDocument/hover", vim.lsp.util.make_position_params(), 10000)
  for _, response in pairs(hovers or {}) do
    if response.result then result.hover = response.result.contents.value end
  end

  -- The quick-fix menu, as a user picks "Open source" from it.
  vim.ui.select = function(items, _, on_choice)
    result.actions = {}
    local chosen
    for _, item in ipairs(items) do
      table.insert(result.actions, item[2].title)
      if item[2].title:match("^Open source") then chosen = item end
    end
    on_choice(chosen)
  end
  vim.lsp.buf.code_action()
  vim.wait(10000, function() return vim.api.nvim_get_current_buf() ~= draft end, 50)
  result.opened = {
    file = vim.api.nvim_buf_get_name(0),
    line = vim.api.nvim_win_get_cursor(0)[1],
    text = vim.api.nvim_get_current_line(),
  }
  vim.wait(2000, function() return #result.messages > 0 end, 50)
end

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    vim.defer_fn(function()
      local ok, problem = pcall(run)
      finish(not ok and tostring(problem) or nil)
    end, 0)
  end,
})
