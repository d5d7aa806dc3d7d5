package sdlab.lab.report.html;

/** The page's only stylesheet, inlined: system fonts, no external resources. */
final class Stylesheet {
    private Stylesheet() {}

    static final String CSS =
            """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d232a;\
            background:#fafafa;line-height:1.45}
            main{max-width:1100px;margin:0 auto;padding:24px}
            h1{margin:4px 0 8px}h2{margin-top:36px;border-bottom:1px solid #ddd;padding-bottom:4px}
            code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:0.9em;background:#eef0f3;\
            padding:1px 4px;border-radius:3px}
            .muted{color:#66707a}.summary{font-size:1.1em}.note{color:#8a5a00}.derived{color:#8a5a00}
            .verdict{font-weight:600;padding:8px 12px;border-radius:6px;display:inline-block}
            .verdict.good{background:#e3f4e6;color:#1b5e20}.verdict.bad{background:#fde7e7;color:#8e1c1c}
            table{border-collapse:collapse;width:100%;background:#fff;font-size:0.93em}
            th,td{border:1px solid #e1e4e8;padding:6px 8px;text-align:left;vertical-align:top}
            th{background:#f3f5f7}td.num{text-align:right;font-variant-numeric:tabular-nums}
            tr.good td.mark,li.good .mark{color:#2e7d32;font-weight:700}
            tr.bad td.mark,li.bad .mark{color:#c62828;font-weight:700}
            tr.changed td{background:#fff8e1}
            ul.options{list-style:none;padding-left:0}ul.options li{margin:10px 0;padding:8px 12px;\
            background:#fff;border:1px solid #e1e4e8;border-radius:6px}
            .question{font-size:1.1em;font-weight:600}
            .charts{display:flex;flex-wrap:wrap;gap:16px;margin-top:16px}
            figure{margin:0;background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:8px;width:460px}
            figcaption{font-size:0.85em;margin-bottom:4px}
            svg text{font-size:11px;fill:#1d232a}svg .bar{fill:#4f7cac}svg .value{fill:#3a4550}
            details{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:8px 12px;margin:10px 0}
            summary{cursor:pointer}.scroll{overflow:auto;max-height:900px;border:1px solid #eee}
            svg .lifeline{stroke:#9aa5b1;stroke-width:1}svg .grid{stroke:#eef0f3;stroke-width:1}
            svg .time{fill:#66707a;font-size:10px}svg .lane{font-weight:600}
            svg .message{stroke:#4f7cac;stroke-width:1.2}svg .arrowhead{fill:#4f7cac}
            svg .dropped line,svg .dropped path{stroke:#c62828;stroke-width:1.4;fill:none}
            svg .dropped line{stroke-dasharray:4 3}
            svg .send{fill:#4f7cac}svg .deliver{fill:#2f4f6f}svg .timer{fill:#fff;stroke:#7e57c2}
            svg .crash{fill:#c62828}svg .restart{fill:#2e7d32}svg .pause{fill:#f9a825}
            svg .sync{fill:#00897b}svg .disklost{fill:#6d4c41}svg .note{fill:#8e24aa}
            svg .invoke{fill:#1e88e5}svg .complete{fill:#43a047}
            svg rect.crashed{fill:#c62828;fill-opacity:0.18}svg rect.paused{fill:#f9a825;fill-opacity:0.25}
            svg rect.partition{fill:#fb8c00;fill-opacity:0.10}
            svg .op.ok{fill:#66bb6a}svg .op.fail{fill:#e57373}svg .op.info{fill:#ffb74d}svg .op.open{fill:#bdbdbd}svg .op.flagged{stroke:#b00020;stroke-width:2.5}
            svg .op{stroke:#fff;stroke-width:0.5}
            .wide{overflow-x:auto}td.name{white-space:nowrap}nav{margin-top:12px;font-size:0.92em}
            a{color:#2f5f8f}
            ul.findings{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:0.85em}
            .windows>.window{display:none}.windows>.window.start{display:block}.windows>.window:target{display:block}
            .windows>.window:target~.window.start{display:none}
            nav.pager{margin:6px 0;line-height:1.9}nav.pager a,nav.pager .here,nav.pager .off{padding:1px 5px}
            nav.pager .here{background:#2f5f8f;color:#fff;border-radius:3px}nav.pager .off{color:#aab2ba}
            .legend{font-size:0.85em;color:#3a4550}.legend .key{margin-right:14px;white-space:nowrap}
            .sw{display:inline-block;width:14px;height:10px;margin-right:4px;vertical-align:middle;\
            border-radius:2px}
            .sw.arrow{height:2px;background:#4f7cac}.sw.drop{height:0;border-top:2px dashed #c62828}
            .sw.dot{width:8px;height:8px;border-radius:50%}.sw.invoke{background:#1e88e5}\
            .sw.complete{background:#43a047}.sw.timer{background:#fff;border:1px solid #7e57c2}\
            .sw.sync{background:#00897b}
            .sw.crashed{background:rgba(198,40,40,0.25)}.sw.paused{background:rgba(249,168,37,0.35)}\
            .sw.partition{background:rgba(251,140,0,0.18)}.sw.flagged{border:2px solid #b00020;\
            background:rgba(176,0,32,0.12)}
            .sw.op.ok{background:#66bb6a}.sw.op.fail{background:#e57373}.sw.op.info{background:#ffb74d}\
            .sw.op.open{background:#bdbdbd}.sw.op.flagged{background:#66bb6a;border:2px solid #b00020}
            svg .msg{font-size:8px;fill:#2f4f6f;paint-order:stroke;stroke:#fff;stroke-width:3px}
            svg .oplabel{font-size:11px;font-weight:700;fill:#b00020;paint-order:stroke;stroke:#fff;\
            stroke-width:3px}
            svg .boxlabel{font-size:9px;fill:#1d232a}
            svg rect.flaggedop{fill:#b00020;fill-opacity:0.12;stroke:#b00020;stroke-width:1.5}
            svg .flagring{fill:none;stroke:#b00020;stroke-width:2}
            svg .axis{fill:#66707a;font-size:10px;font-style:italic}svg .tick{fill:#66707a;font-size:10px}
            svg .axisline{stroke:#9aa5b1;stroke-width:1}svg .keyrule{stroke:#cfd6dd;stroke-width:1}
            table.offending{margin-top:8px}
            """;
}
