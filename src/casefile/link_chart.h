// The link chart of a case network, drawn server-side with Cairo: nodes on concentric rings
// by role (suspects inside, victims next, then everything else), each ring in a fixed order
// (by id), edges between them with a width growing with the number of relations they stand
// for. Deterministic: the same input draws the same picture. Cairo headers stay in
// link_chart.cc. Thread-safe (no shared state).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

typedef struct _cairo cairo_t;

namespace tafkik::casefile {

struct ChartNode {
  std::string id;
  std::string label;  // what is written under the node (a pseudonym for victims)
  std::string role;   // "suspect", "victim", "witness", "informant", "other", "holding"
};

struct ChartEdge {
  std::string source;
  std::string target;
  std::string label;  // relation schemata: "Call x12, Payment x2"
  int count = 1;      // relations it stands for
};

struct LinkChart {
  std::vector<ChartNode> nodes;
  std::vector<ChartEdge> edges;
};

struct NodePosition {
  double x = 0;
  double y = 0;
};

// Positions in a width x height box, in the order of `chart.nodes`. O(nodes log nodes).
std::vector<NodePosition> LayoutChart(const LinkChart& chart, double width, double height);

// Draws the chart into `cr` inside (x, y, width, height), labels in `font` (Pango).
void DrawChart(cairo_t* cr, const LinkChart& chart, double x, double y, double width,
               double height, const std::string& font);

// The chart as a PNG of width x height pixels.
Result<std::string> ChartPng(const LinkChart& chart, int width, int height,
                             const std::string& font);

}  // namespace tafkik::casefile
