/**
 * A small query page that works offline (Apollo's default landing page loads Sandbox from
 * a CDN and is blank without network). Served at GET / outside production.
 */
export const EXPLORER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Customer 360 explorer</title>
<style>body{font:14px system-ui,sans-serif;margin:1rem;display:grid;grid-template-columns:1fr 1fr;gap:1rem}
textarea,input{width:100%;font:13px monospace;box-sizing:border-box}textarea{height:38vh}pre{background:#f4f4f4;padding:.5rem;overflow:auto;height:80vh;margin:0}
h1{grid-column:1/3;font-size:1.1rem;margin:0}</style></head>
<body><h1>Customer 360 — one query: who is handling it, and what happened</h1>
<div><label>Bearer token (<code>npm run token -- --role rep --org yougou</code>)<input id="token"></label>
<label>Query<textarea id="query">query Find($id: String!) {
  findCustomers(identifier: $id) { result { candidates { customer { id name } matchedBy } } }
}</textarea></label>
<label>Variables<textarea id="variables" style="height:10vh">{ "id": "+86 135 5555 0505" }</textarea></label>
<button id="run">Run</button></div>
<pre id="out"></pre>
<script>
const $ = (id) => document.getElementById(id);
$("token").value = localStorage.getItem("c360token") || "";
$("run").onclick = async () => {
  localStorage.setItem("c360token", $("token").value);
  let variables = {};
  try { variables = JSON.parse($("variables").value || "{}"); } catch (e) { $("out").textContent = "Variables are not JSON: " + e.message; return; }
  const res = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer " + $("token").value.trim() }, body: JSON.stringify({ query: $("query").value, variables }) });
  $("out").textContent = JSON.stringify(await res.json(), null, 2);
};
</script></body></html>`;
