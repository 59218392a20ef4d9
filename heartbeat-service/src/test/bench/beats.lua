-- wrk script: realistic beats over distinct sessions with valid tokens (from BenchSetup's sessions.txt).
-- Each request is the next beat of the next session: increasing sequence numbers, playing, visible.
local sessions = {}
local counter = 0
function init(args)
  for line in io.lines(args[1]) do
    local token, id = line:match("(%S+) (%S+)")
    sessions[#sessions + 1] = { token = token, id = id, seq = 0, pos = 0 }
  end
  counter = math.random(#sessions)
end
function request()
  counter = counter % #sessions + 1
  local s = sessions[counter]
  s.seq = s.seq + 1
  s.pos = (s.pos + 1) % 3500
  local body = string.format('{"sequence":%d,"position":%d,"rate":1.0,"state":"playing","visibility":"visible","event":"tick","clientTime":0}', s.seq, s.pos)
  return wrk.format("POST", "/api/v1/playback/sessions/" .. s.id .. "/heartbeats",
    { ["Authorization"] = "Bearer " .. s.token, ["Content-Type"] = "application/json" }, body)
end
