// The interactive charts of report.html: builds uPlot's options and data arrays from the numbers the page embeds
// (script#qtm-plots), one chart per div[data-plot]. uPlot draws, hovers (legend values ± SE) and zooms (drag on the
// plot; double-click resets); this file only hands it the numbers. A figure shows its static SVG until its chart is
// up, and again when printed.
(function () {
  "use strict";
  var plots = JSON.parse(document.getElementById("qtm-plots").textContent);
  var charts = [];

  function fmt(v) {
    return v == null ? "–" : Number(v).toPrecision(4);
  }

  function tick(v) {
    return v == null ? "" : String(Number(v.toPrecision(3)));
  }

  // Space between the widest tick label and the axis title.
  var LABEL_GAP = 6;

  // The y axis's width up to its title: tick marks, their gap and the widest tick label as drawn, so that a title
  // never lies over labels such as -0.00015. uPlot asks again while the ticks change with the size; the second
  // answer stands.
  function valuesWidth(u, labels, axisIdx, cycle) {
    var axis = u.axes[axisIdx];
    if (cycle > 1) {
      return axis._size;
    }
    var widest = 0;
    u.ctx.save();
    u.ctx.font = axis.font[0];
    (labels || []).forEach(function (text) {
      widest = Math.max(widest, u.ctx.measureText(text).width);
    });
    u.ctx.restore();
    return Math.ceil(axis.ticks.size + axis.gap + widest / (window.devicePixelRatio || 1));
  }

  // The ±SE band's edges, as two extra series that uPlot fills between (hidden from the legend by their class).
  function edge(line, sign) {
    return line.y.map(function (y, i) {
      var se = line.se[i];
      return y == null || se == null ? null : y + sign * se;
    });
  }

  function chart(host) {
    var p = plots[Number(host.getAttribute("data-plot"))];
    var data = [p.x];
    var series = [{label: p.xLabel, value: function (u, v) { return fmt(v); }}];
    var bands = [];
    // A log axis cannot place 0 or a negative value (an SE band's lower edge, a population still 0): not drawn.
    var shown = function (a) {
      var floor = p.yMin == null ? 0 : p.yMin;
      return p.logY ? a.map(function (v) { return v != null && v > floor ? v : null; }) : a;
    };
    // A line's value at a grid point, with its SE where it has one.
    var valueAt = function (line, idx) {
      var v = line.y[idx];
      return v == null ? "–" : fmt(v) + (line.se && line.se[idx] != null ? " ± " + fmt(line.se[idx]) : "");
    };
    // Lines of one group share one legend entry, the first line's, named by the group: it lists every member's value
    // (named by what its label adds to the group's name), and showing or hiding it shows or hides them all.
    var leader = {};
    var members = {};
    var follow = {};
    var lineOf = {};
    p.lines.forEach(function (line) {
      var si = series.length;
      lineOf[si] = line;
      follow[si] = [];
      data.push(shown(line.y));
      var s = {
        label: line.label, stroke: line.color, width: 1.5, dash: line.dash || undefined,
        value: function (u, v, i, idx) { return idx == null ? "–" : valueAt(line, idx); }
      };
      if (line.group != null) {
        if (leader[line.group] == null) {
          leader[line.group] = si;
          members[si] = [si];
          s.label = line.group;
          s.value = function (u, v, i, idx) {
            return idx == null ? "–" : members[i].map(function (m) {
              var name = lineOf[m].label.replace(line.group, "").trim();
              return (name ? name + " " : "") + valueAt(lineOf[m], idx);
            }).join(" · ");
          };
        } else {
          s.class = "qtm-member";
          members[leader[line.group]].push(si);
          follow[leader[line.group]].push(si);
        }
      }
      series.push(s);
    });
    p.lines.forEach(function (line, li) {
      if (!line.se) {
        return;
      }
      var hi = series.length;
      data.push(shown(edge(line, 1)), shown(edge(line, -1)));
      series.push({label: line.label + " + SE", stroke: "transparent", class: "qtm-band"},
          {label: line.label + " − SE", stroke: "transparent", class: "qtm-band"});
      bands.push({series: [hi, hi + 1], fill: line.color + "30"});
      // A line's band is shown and hidden with it, and with its group's entry.
      var si = li + 1;
      follow[si].push(hi, hi + 1);
      if (line.group != null && leader[line.group] !== si) {
        follow[leader[line.group]].push(hi, hi + 1);
      }
    });
    var toggle = function (u, si, o) {
      if (o && o.show != null && follow[si]) {
        follow[si].forEach(function (f) { u.setSeries(f, {show: o.show}, false); });
      }
    };
    var values = function (u, splits) { return splits.map(tick); };
    var opts = {
      width: Math.max(300, host.clientWidth), height: 440, series: series, bands: bands,
      scales: {x: {time: false}, y: p.yMin == null ? {distr: p.logY ? 3 : 1}
          : {distr: 3, range: function (u, min, max) { return [p.yMin, Math.max(max, 10 * p.yMin)]; }}},
      axes: [{label: p.xLabel, values: values},
        {label: p.yLabel, values: values, size: valuesWidth, labelGap: LABEL_GAP}],
      hooks: {setSeries: [toggle]}
    };
    return new uPlot(opts, data, host);
  }

  document.querySelectorAll("div[data-plot]").forEach(function (host) {
    var figure = host.closest("figure");
    figure.classList.add("interactive");
    try {
      charts.push(chart(host));
    } catch (e) {
      figure.classList.remove("interactive");
      throw e;
    }
  });

  // #selftest, #selftest-hover, #selftest-zoom: real mouse events on the first chart, for the headless-browser test
  // and its screenshots. What uPlot then shows (its legend's text, its x scale) is written into pre#qtm-selftest.
  function mouse(u, type, fx, fy) {
    var r = u.over.getBoundingClientRect();
    u.over.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true, button: 0, buttons: 1,
      clientX: r.left + fx * r.width, clientY: r.top + fy * r.height, movementX: 1, movementY: 1}));
  }

  function legend(u) {
    return Array.prototype.filter.call(u.root.querySelectorAll(".u-legend .u-series"), function (row) {
      return !row.classList.contains("qtm-band") && !row.classList.contains("qtm-member");
    }).map(function (row) {
      return row.querySelector(".u-label").textContent + " = " + row.querySelector(".u-value").textContent;
    });
  }

  // Where each chart's y tick labels end and its title begins, in CSS pixels from the axis line, measured afresh.
  function yAxis(u) {
    var axis = u.axes[1];
    var ctx = document.createElement("canvas").getContext("2d");
    ctx.font = axis.font[0];
    var widest = 0;
    (axis._values || []).forEach(function (text) {
      widest = Math.max(widest, ctx.measureText(text).width / (window.devicePixelRatio || 1));
    });
    return {labels: axis._values, labelsEnd: axis.ticks.size + axis.gap + widest, titleStart: axis._size + axis.labelGap};
  }

  function range(u) {
    return [u.scales.x.min, u.scales.x.max];
  }

  // uPlot applies a new scale at the end of the current task, so each step is read back in the next one.
  function steps(list) {
    if (list.length > 0) {
      list[0]();
      setTimeout(function () { steps(list.slice(1)); }, 20);
    }
  }

  function selftest(mode) {
    var u = charts[0];
    var out = {mode: mode, charts: charts.length, before: range(u), yAxes: charts.map(yAxis)};
    if (mode !== "all") {
      // A screenshot shows the window's top: leave the chart alone on the page.
      var figure = u.root.closest("figure");
      Array.prototype.forEach.call(document.body.children, function (el) {
        if (el !== figure && el.tagName !== "SCRIPT") {
          el.style.display = "none";
        }
      });
      u.syncRect();
    }
    var list = [];
    if (mode !== "hover") {
      list.push(function () {
        mouse(u, "mousemove", 0.25, 0.5);
        mouse(u, "mousedown", 0.25, 0.5);
        mouse(u, "mousemove", 0.4, 0.5);
        mouse(u, "mousemove", 0.55, 0.5);
        mouse(u, "mouseup", 0.55, 0.5);
      }, function () {
        out.zoomed = range(u);
      });
    }
    if (mode === "all") {
      list.push(function () {
        mouse(u, "dblclick", 0.5, 0.5);
      }, function () {
        out.reset = range(u);
      });
    }
    list.push(function () {
      mouse(u, "mousemove", 0.6, 0.5);
    }, function () {
      out.hoverIdx = u.cursor.idx;
      out.legend = legend(u);
      var pre = document.createElement("pre");
      pre.id = "qtm-selftest";
      pre.textContent = JSON.stringify(out);
      document.body.appendChild(pre);
    });
    steps(list);
  }

  var m = /^#selftest(?:-(hover|zoom))?$/.exec(location.hash);
  if (m && charts.length > 0) {
    // After uPlot's first draw, which it defers to the end of the current task.
    setTimeout(function () { selftest(m[1] || "all"); }, 0);
  }
})();
