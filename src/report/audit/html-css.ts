/** The HTML report's only style sheet (inline; its hash is the only style the page's CSP allows). */
export function auditCss(): string {
  return `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI","Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;color:#24292f;background:#f6f8fa}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 24px}
header{padding-top:24px}
h1{font-size:28px;margin:0 0 4px}
h2{font-size:22px;border-bottom:1px solid #d0d7de;padding-bottom:6px;margin-top:40px}
h3{font-size:18px;margin-top:28px}
h4{font-size:15px;margin:20px 0 8px;color:#57606a}
section,article{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:4px 20px 16px;margin:20px 0}
article{border-color:#e4e8ec}
.meta,.note,.where{color:#57606a}
.summary{font-weight:600}
nav ol{columns:2;margin:6px 0 0}
table{border-collapse:collapse;width:100%;margin:10px 0;font-size:14px}
th,td{border:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td pre{margin:0;font-size:12px}
pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:10px 12px;overflow:auto;font-size:13px;line-height:1.45}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:90%}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}
dl.facts dt{color:#57606a}
dl.facts dd{margin:0}
.tag{display:inline-block;border:1px solid #d0d7de;border-radius:10px;padding:0 8px;font-size:12px;color:#57606a;font-weight:400}
.sev,.lvl{white-space:nowrap}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px;vertical-align:baseline}
.sev-error,.lvl-high{background:#cf222e}
.sev-warning,.lvl-medium{background:#d4760a}
.sev-info{background:#bf9b00}
.sev-style,.lvl-low{background:#2da44e}
td:first-child{white-space:nowrap}
.legend{font-size:12px;color:#57606a;margin:2px 0 8px}
.legend .dot{margin-left:10px}
.size-estimated{font-style:italic}
.status-problem{color:#cf222e}
.status-ok{color:#1a7f37}
.status-not-checked{color:#9a6700}
figure{margin:12px 0}
figcaption{font-weight:600;margin-bottom:4px}
svg.chart{max-width:100%;height:auto}
ul.plan{list-style:none;padding-left:0}
ul.plan li{margin:6px 0}
details{margin:8px 0}
summary{cursor:pointer}
footer{color:#57606a;font-size:13px;padding-bottom:32px}
`.trim();
}
