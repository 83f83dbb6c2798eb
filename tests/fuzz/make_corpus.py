#!/usr/bin/env python3
"""Writes the seed corpus in tests/fuzz/corpus/<target>/ (run from anywhere; idempotent).

The frames are the wire shapes of shared/reference/pusher-protocol.md (soketi and pusher-js as
captured there) and of tests/support/Frames.cpp; the auth bodies and the encrypted envelope are
that file's test vectors V1-V8. Files from fuzzing runs (crashes found) are added by hand and
not touched here.
"""
import base64, json, os, struct

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def put(target, name, data):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def dumps(o):
    return json.dumps(o, separators=(",", ":"), ensure_ascii=False)


# --- frame: whole frames; 0x01 + text: a data string on its own
presence = {"presence": {"ids": ["11814b369700141b222a3f3791cec2d9", "71dd6a29da2a4833336d2a964becf820"],
                         "hash": {"11814b369700141b222a3f3791cec2d9": {"name": "Phil Leggetter", "twitter": "@leggetter"},
                                  "71dd6a29da2a4833336d2a964becf820": {"name": "Max Williams", "twitter": "@maxthelion"}},
                         "count": 2}}
frames = {
    "connection_established": {"event": "pusher:connection_established", "data": dumps({"socket_id": "123.456", "activity_timeout": 120})},
    "error_4001": {"event": "pusher:error", "data": {"message": "App key not in this cluster", "code": 4001}},
    "error_null_code": {"event": "pusher:error", "data": {"message": "Invalid signature", "code": None}},
    "ping": {"event": "pusher:ping", "data": {}},
    "pong": {"event": "pusher:pong", "data": "{}"},
    "subscription_succeeded": {"event": "pusher_internal:subscription_succeeded", "channel": "my-channel", "data": "{}"},
    "subscription_succeeded_soketi": {"event": "pusher_internal:subscription_succeeded", "channel": "private-chat"},
    "presence_succeeded": {"event": "pusher_internal:subscription_succeeded", "channel": "presence-example-channel", "data": dumps(presence)},
    "member_added": {"event": "pusher_internal:member_added", "channel": "presence-example-channel",
                     "data": dumps({"user_id": "11814b369700141b222a3f3791cec2d9", "user_info": {"name": "Phil Leggetter", "twitter": "@leggetter", "blogUrl": "http://blog.pusher.com"}})},
    "member_removed": {"event": "pusher_internal:member_removed", "channel": "presence-example-channel", "data": dumps({"user_id": "11814b369700141b222a3f3791cec2d9"})},
    "subscription_count": {"event": "pusher_internal:subscription_count", "channel": "my-channel", "data": dumps({"subscription_count": 3})},
    "client_event": {"event": "new-message", "channel": "presence-chat", "data": "{\"text\":\"hi\"}", "user_id": "42"},
    "client_typing_object": {"event": "client-typing", "channel": "private-chat", "data": {"typing": True}},
    "signin_success": {"event": "pusher:signin_success", "data": {"user_data": "{\"id\":\"12345\"}"}},
    "watchlist": {"event": "pusher_internal:watchlist_events", "data": {"events": [{"name": "online", "user_ids": ["1"]}, {"name": "offline", "user_ids": ["2", "3", "4"]}]}},
    "encrypted": {"event": "my-event", "channel": "private-encrypted-bla", "data": dumps({"nonce": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYX", "ciphertext": "33oMbJp4jf9rt7Abv2Sc4QEidySHWH/MlDfFNmdv+bWcdikhl31YXp8="})},
    "cache_miss": {"event": "pusher:cache_miss", "channel": "cache-x"},
    "numeric_user_id": {"user_id": 12345678901, "event": "client-typing"},
    "array_data": {"event": "list", "data": [1, "two", {"three": 3}, None]},
    "number_data": {"event": "n", "data": -1.5e3, "channel": "c"},
    "unicode": {"event": "client-café", "channel": "private-é", "data": "€ 😀"},
}
for name, frame in frames.items():
    put("frame", name, dumps(frame))
put("frame", "escapes", r'{"event":"new-message","channel":"chat","data":"{\"text\":\"line1\\nline2 \\\"q\\\" \\\\ caf\u00e9 \ud83d\ude00\",\"tab\":\"\\t\"}"}')
put("frame", "spaces", '{ "event" : "pusher:pong" , "data" : { } }')
put("frame", "data_not_json", '{"event":"greeting","data":"{not json"}')
put("frame", "data_string_only", b"\x01" + b'{"socket_id":"123.456","activity_timeout":120}')
put("frame", "data_string_presence", b"\x01" + dumps(presence).encode())

# --- auth: endpoint bodies (V1, V2, V3, V7) and a batched answer, refusals
v1 = "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"
auths = {
    "private": {"auth": v1},
    "presence": {"auth": "278d425bdf160c739803:31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80",
                 "channel_data": "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}"},
    "encrypted": {"auth": "f00d:962c48b78bf93d98ff4c92ee7dff04865821455b7b401e9d60a9e0a90af2c105",
                  "shared_secret": "nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ="},
    "user": {"auth": "278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba", "user_data": "{\"id\":\"12345\"}"},
    "channel_data_object": {"auth": v1, "channel_data": {"user_id": 10}},
    "refusal_error": {"error": "Forbidden: not a member of this room"},
    "refusal_message": {"message": "Unauthenticated."},
    "batch": {"private-a": {"status": 200, "data": {"auth": v1}},
              "presence-b": {"status": 403, "data": {"error": "no"}},
              "private-encrypted-c": {"data": {"auth": v1, "shared_secret": "nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ="}}},
}
for name, body in auths.items():
    put("auth", name, dumps(body))
put("auth", "double_encoded", dumps(dumps({"auth": v1})))

# --- rest: 2 status bytes (status - 100, big endian) + body
def rest(status, body):
    return struct.pack(">H", status - 100) + (body.encode() if isinstance(body, str) else body)
put("rest", "ok_empty", rest(200, "{}"))
put("rest", "ok_channels", rest(200, dumps({"channels": {"presence-lobby": {"user_count": 2}, "private-x": {}}})))
put("rest", "ok_users", rest(200, dumps({"users": [{"id": "1"}, {"id": "2"}]})))
put("rest", "soketi_200_error", rest(200, dumps({"error": "The signature is not valid.", "code": 401})))
put("rest", "soketi_200_error_nocode", rest(200, dumps({"error": "Something"})))
put("rest", "forbidden", rest(403, dumps({"error": "Invalid signature: you should have sent HmacSHA256(...)"})))
put("rest", "plain_413", rest(413, "Request Entity Too Large"))
put("rest", "html_502", rest(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"))
put("rest", "batch_ok", rest(200, dumps({"batch": [{}, {}]})))

# --- chatwire: selector byte (0 message, 1 typing, 2/3 new_message; +4 raw JSON kind; +8 stamped user_id) + data
msg = {"id": "0b7d6c1e-8f1a-4b47-9a63-0c9a7c1f2f11", "text": "hello", "sent_at": "2026-11-30T12:00:00.123Z", "user": {"id": "alice", "name": "Alice"}}
put("chatwire", "message_stamped", bytes([8]) + dumps(msg).encode())
put("chatwire", "message_unstamped", bytes([0]) + dumps(msg).encode())
put("chatwire", "message_json_kind", bytes([12]) + dumps(msg).encode())
put("chatwire", "message_forged_user", bytes([8]) + dumps(dict(msg, user={"id": "mallory", "name": "Alice"})).encode())
put("chatwire", "message_long", bytes([8]) + dumps(dict(msg, text="x" * 2600)).encode())
put("chatwire", "message_no_id", bytes([8]) + dumps({"text": "hi"}).encode())
put("chatwire", "typing", bytes([9]) + dumps({"user": {"id": "alice", "name": "Alice"}}).encode())
server_msg = {"id": 17, "room": "lobby", "client_id": "c-1", "text": "hi", "sent_at": "2026-11-30T12:00:00.123Z", "user": {"id": "alice", "name": "Alice"}}
put("chatwire", "new_message", bytes([10]) + dumps(server_msg).encode())
put("chatwire", "new_message_no_client_id", bytes([14]) + dumps(dict(server_msg, client_id="")).encode())

# --- secretbox: flags (bit0 key follows, bit1 nonce follows, bits 2.. raw key length) + payload
envelope = dumps({"nonce": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYX", "ciphertext": "33oMbJp4jf9rt7Abv2Sc4QEidySHWH/MlDfFNmdv+bWcdikhl31YXp8="})
put("secretbox", "v8_envelope", bytes([0]) + envelope.encode())
put("secretbox", "v8_random_key", bytes([1]) + bytes(range(32)) + envelope.encode())
put("secretbox", "v8_raw_with_nonce", bytes([2 | (32 << 2)]) + bytes(range(24)) + base64.b64decode("33oMbJp4jf9rt7Abv2Sc4QEidySHWH/MlDfFNmdv+bWcdikhl31YXp8="))
put("secretbox", "short_nonce", bytes([0]) + dumps({"nonce": "AAEC", "ciphertext": "33oMbJp4"}).encode())
put("secretbox", "no_ciphertext", bytes([0]) + dumps({"nonce": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYX"}).encode())
put("secretbox", "plain_json", bytes([3]) + bytes(56) + b'{"message":"hello world"}')

# --- profile: QSettings INI files as Natter writes them
put("profile", "natter_conf", """[General]
lastProfile=Local soketi
lastUser=alice

[profiles]
1\\allowPlainTextSecret=false
1\\authEndpoint=http://127.0.0.1:3000/pusher/auth
1\\authMode=endpoint
1\\caFile=
1\\cluster=
1\\host=127.0.0.1
1\\key=app-key
1\\kind=self-hosted
1\\name=Local soketi
1\\pathPrefix=
1\\port=6001
1\\serverUrl=
1\\tls=false
2\\authMode=local-signing
2\\cluster=eu
2\\key=278d425bdf160c739803
2\\kind=hosted
2\\name=Hosted
2\\tls=true
3\\kind=natter-server
3\\name=Team
3\\serverUrl=https://chat.example.org/natter
size=3

[state]
Local%20soketi\\alice\\rooms=lobby, random
Local%20soketi\\alice\\lastRoom=lobby
Local%20soketi\\alice\\drafts\\lobby=half a sentence
""")
put("profile", "old_credentials", """[profiles]
1\\name=Old
1\\kind=self-hosted
1\\host=localhost
1\\authEndpoint=https://user:secret@auth.example.org/pusher/auth?token=abc
size=1
""")
put("profile", "empty", "")

# --- outbox: version 2 journals, a version 1 document, a truncated journal
def record(op, **kw):
    return dumps(dict(op=op, **kw)) + "\n"
m1 = {"id": "m-1", "room": "lobby", "senderId": "alice", "senderName": "Alice", "text": "first", "sentAt": "2026-11-30T12:00:00.000Z", "state": "pending"}
m2 = dict(m1, id="m-2", text="second", state="failed", error="HTTP 403")
journal = dumps({"version": 2}) + "\n" + record("add", message=m1) + record("add", message=m2) + record("state", id="m-1", state="failed", error="x") + record("remove", id="m-2")
put("outbox", "journal", journal)
put("outbox", "journal_truncated", journal[:-9])
put("outbox", "journal_garbage", journal + "\x00\xff{\"op\":\n")
put("outbox", "legacy_v1", json.dumps({"version": 1, "messages": [m1, m2]}, indent=4))
put("outbox", "legacy_array", dumps([m1]))
put("outbox", "no_header", record("add", message=m1))
# our pending edits and deletes of sent messages: an edit replaced by a delete, one retired
sent1 = dict(m1, id="s-1", state="sent", serverId="41", editedAt="2026-11-30T12:01:00.000Z")
sent2 = dict(m1, id="s-2", state="sent")
edit1 = {"kind": "edit", "id": "s-1", "text": "fixed", "editedAt": "2026-11-30T12:05:00.000Z", "senderId": "alice", "serverId": "41"}
edit2 = {"kind": "delete", "id": "s-2", "editedAt": "2026-11-30T12:06:00.000Z", "senderId": "alice"}
edits = journal + record("edit", change=edit1, original=sent1, state="pending") + record("edit", change=edit2, original=sent2, state="failed", error="HTTP 403") + record("edit", change=dict(edit1, kind="delete"), original=sent1, state="pending") + record("edit-done", id="s-2")
put("outbox", "journal_edits", edits)
put("outbox", "journal_edits_truncated", edits[:-30])
