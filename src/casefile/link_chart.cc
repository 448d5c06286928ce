#include "casefile/link_chart.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace tafkik::casefile {
namespace {

int RingOf(const std::string& role) {
  if (role == "suspect") return 0;
  if (role == "victim") return 1;
  return 2;
}

struct Rgb {
  double red, green, blue;
};

Rgb ColourOf(const std::string& role) {
  if (role == "suspect") return {0.80, 0.15, 0.15};
  if (role == "victim") return {0.15, 0.35, 0.80};
  if (role == "witness") return {0.15, 0.60, 0.25};
  if (role == "holding") return {0.55, 0.55, 0.55};
  return {0.90, 0.55, 0.10};
}

void DrawLabel(cairo_t* cr, const std::string& text, double x, double y, double max_width,
               const std::string& font) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* description = pango_font_description_from_string(font.c_str());
  pango_layout_set_font_description(layout, description);
  pango_layout_set_text(layout, text.c_str(), -1);
  pango_layout_set_width(layout, static_cast<int>(max_width * PANGO_SCALE));
  pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  cairo_move_to(cr, x - max_width / 2, y);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(description);
  g_object_unref(layout);
}

cairo_status_t AppendPng(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::vector<NodePosition> LayoutChart(const LinkChart& chart, double width, double height) {
  std::vector<std::vector<size_t>> rings(3);
  for (size_t node_idx = 0; node_idx < chart.nodes.size(); ++node_idx) {
    rings[RingOf(chart.nodes[node_idx].role)].push_back(node_idx);
  }
  for (auto& ring : rings) {
    std::sort(ring.begin(), ring.end(), [&chart](size_t left, size_t right) {
      return chart.nodes[left].id < chart.nodes[right].id;
    });
  }
  std::vector<NodePosition> positions(chart.nodes.size());
  double radius_unit = std::min(width, height) / 2 * 0.82 / 3;
  for (size_t ring_idx = 0; ring_idx < rings.size(); ++ring_idx) {
    const auto& ring = rings[ring_idx];
    // The suspects' ring collapses to the centre when there is one suspect.
    double radius = (ring_idx == 0 && ring.size() == 1) ? 0 : radius_unit * (ring_idx + 1);
    double offset = ring_idx * 0.5;
    for (size_t slot = 0; slot < ring.size(); ++slot) {
      double angle = -M_PI / 2 + 2 * M_PI * (slot + offset) / ring.size();
      positions[ring[slot]] = {width / 2 + radius * std::cos(angle) * width / std::min(width, height),
                               height / 2 + radius * std::sin(angle)};
    }
  }
  return positions;
}

void DrawChart(cairo_t* cr, const LinkChart& chart, double x, double y, double width,
               double height, const std::string& font) {
  std::vector<NodePosition> positions = LayoutChart(chart, width, height * 0.92);
  std::map<std::string, size_t> index;
  for (size_t node_idx = 0; node_idx < chart.nodes.size(); ++node_idx) {
    index[chart.nodes[node_idx].id] = node_idx;
  }
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
  for (const ChartEdge& edge : chart.edges) {
    auto source = index.find(edge.source);
    auto target = index.find(edge.target);
    if (source == index.end() || target == index.end()) continue;
    cairo_set_line_width(cr, std::min(6.0, 0.8 + std::log2(1.0 + edge.count)));
    cairo_move_to(cr, positions[source->second].x, positions[source->second].y);
    cairo_line_to(cr, positions[target->second].x, positions[target->second].y);
    cairo_stroke(cr);
  }
  double node_radius = std::max(4.0, std::min(width, height) / 60);
  double label_width = std::max(60.0, width / 7);
  for (size_t node_idx = 0; node_idx < chart.nodes.size(); ++node_idx) {
    const ChartNode& node = chart.nodes[node_idx];
    Rgb colour = ColourOf(node.role);
    cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue);
    cairo_new_path(cr);  // a label leaves a current point that the arc would join
    cairo_arc(cr, positions[node_idx].x, positions[node_idx].y, node_radius, 0, 2 * M_PI);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    DrawLabel(cr, node.label, positions[node_idx].x, positions[node_idx].y + node_radius + 1,
              label_width, font);
  }
  cairo_restore(cr);
}

Result<std::string> ChartPng(const LinkChart& chart, int width, int height,
                             const std::string& font) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  DrawChart(cr, chart, 0, 0, width, height, font);
  cairo_destroy(cr);
  std::string png;
  cairo_status_t status = cairo_surface_write_to_png_stream(surface, &AppendPng, &png);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return InternalError(std::string("link chart PNG: ") + cairo_status_to_string(status));
  }
  return png;
}

}  // namespace tafkik::casefile
