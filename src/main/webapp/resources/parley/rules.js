/* The rules page's editor: CodeMirror with a DRL mode, line numbers, and the compiler's messages marked on
   their lines. The textarea stays the form field; the editor writes back to it before every submit. */
(function () {
    if (window.CodeMirror && !CodeMirror.modes.drl) {
        CodeMirror.defineSimpleMode("drl", {
            start: [
                {regex: /"(?:[^\\"]|\\.)*"?/, token: "string"},
                {regex: /\/\/.*/, token: "comment"},
                {regex: /\/\*/, token: "comment", next: "comment"},
                {regex: /\b(?:package|import|function|global|declare|rule|query|when|then|end|salience|no-loop|lock-on-active|agenda-group|activation-group|dialect|enabled|date-effective|date-expires|and|or|not|exists|forall|from|collect|accumulate|eval|over|insert|insertLogical|modify|update|delete|retract|if|else|for|new|return|true|false|null|this|memberOf|contains|matches|in)\b/, token: "keyword"},
                {regex: /\$[A-Za-z_]\w*/, token: "variable-2"},
                {regex: /\b[A-Z]\w*/, token: "variable-3"},
                {regex: /-?\d+(?:\.\d+)?/, token: "number"}
            ],
            comment: [
                {regex: /.*?\*\//, token: "comment", next: "start"},
                {regex: /.*/, token: "comment"}
            ],
            meta: {lineComment: "//"}
        });
    }

    var editor = null;

    function init() {
        var area = document.querySelector("textarea.parley-source");
        if (!area || !window.CodeMirror) {
            editor = null;
            return;
        }
        if (area.nextSibling && area.nextSibling.classList && area.nextSibling.classList.contains("CodeMirror")) {
            return;
        }
        var name = area.getAttribute("data-name") || "";
        editor = CodeMirror.fromTextArea(area, {
            lineNumbers: true,
            mode: name.endsWith(".drl") ? "drl" : null,
            indentUnit: 4,
            viewportMargin: Infinity,
            gutters: ["parley-problems", "CodeMirror-linenumbers"]
        });
        editor.on("change", function () { editor.save(); });
        var problems = [];
        try { problems = JSON.parse(area.getAttribute("data-problems") || "[]"); } catch (e) { problems = []; }
        problems.forEach(function (p) {
            var line = Math.max(0, p.line - 1);
            editor.addLineClass(line, "background", "parley-problem-line");
            var marker = document.createElement("span");
            marker.className = "parley-problem-marker";
            marker.title = p.message;
            marker.textContent = "●";
            editor.setGutterMarker(line, "parley-problems", marker);
        });
        if (problems.length) {
            editor.scrollIntoView({line: Math.max(0, problems[0].line - 1), ch: 0}, 80);
        }
    }

    window.parleyRules = {
        init: init,
        save: function () { if (editor) { editor.save(); } return true; }
    };
    document.addEventListener("DOMContentLoaded", function () {
        init();
        if (window.jQuery) {
            jQuery(document).on("pfAjaxComplete", init);
        }
    });
})();
