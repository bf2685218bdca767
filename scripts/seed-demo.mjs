// Two demo users and a direct chat between them, created once; later runs reuse them.
const DEMO = [
  { username: 'demo', password: 'luxchat-demo', displayName: 'Demo' },
  { username: 'anna', password: 'luxchat-demo', displayName: 'Anna Schmit' },
];

async function api(baseUrl, token, method, path, body) {
  const res = await fetch(`${baseUrl}/_matrix/client/v3${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function passwordLogin(baseUrl, username, password) {
  const res = await fetch(`${baseUrl}/_matrix/client/v3/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'm.login.password', identifier: { type: 'm.id.user', user: username }, password }),
  });
  return res.ok ? res.json() : null;
}

export async function seedDemo(hs) {
  const sessions = [];
  for (const user of DEMO) {
    let login = await passwordLogin(hs.baseUrl, user.username, user.password);
    const isNew = !login;
    if (!login) {
      const reg = await hs.registerUser(user.username, user.password);
      login = { access_token: reg.accessToken, user_id: reg.userId };
      await api(hs.baseUrl, login.access_token, 'PUT', `/profile/${encodeURIComponent(login.user_id)}/displayname`, {
        displayname: user.displayName,
      });
    }
    sessions.push({ ...user, token: login.access_token, userId: login.user_id, isNew });
  }
  const [demo, anna] = sessions;
  const direct = await api(hs.baseUrl, anna.token, 'GET', `/user/${encodeURIComponent(anna.userId)}/account_data/m.direct`).catch(() => ({}));
  if (!direct[demo.userId]?.length) {
    // Unencrypted so the seeded greeting is readable by any new device of the demo user.
    const { room_id } = await api(hs.baseUrl, anna.token, 'POST', '/createRoom', {
      is_direct: true,
      preset: 'trusted_private_chat',
      invite: [demo.userId],
    });
    await api(hs.baseUrl, anna.token, 'PUT', `/user/${encodeURIComponent(anna.userId)}/account_data/m.direct`, { [demo.userId]: [room_id] });
    await api(hs.baseUrl, demo.token, 'POST', `/join/${encodeURIComponent(room_id)}`, {});
    await api(hs.baseUrl, demo.token, 'PUT', `/user/${encodeURIComponent(demo.userId)}/account_data/m.direct`, { [anna.userId]: [room_id] });
    await api(hs.baseUrl, anna.token, 'PUT', `/rooms/${encodeURIComponent(room_id)}/send/m.room.message/seed1`, {
      msgtype: 'm.text',
      body: 'Moien! Wëllkomm op Luxchat.',
    });
  }
  return sessions.map(({ username, password }) => ({ username, password }));
}
