// The PDF writer of the case file report: A4 pages laid out with Pango on a Cairo PDF
// surface. Arabic is shaped by HarfBuzz (through Pango) and laid out right to left: the
// paragraph base direction is RTL and table columns run from the right edge.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <numeric>

#include "casefile/report.h"

namespace tafkik::casefile {
namespace {

constexpr double kPageWidth = 595.28;   // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 42;
constexpr double kCellPad = 2.5;
constexpr double kChartHeight = 400;

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class PdfWriter {
 public:
  PdfWriter(cairo_t* cr, const ReportDocument& document) : cr_(cr), doc_(document) {
    bool rtl = document.right_to_left;
    body_font_ = rtl ? "Amiri, DejaVu Sans 10" : "DejaVu Sans, Amiri 8.5";
    bold_font_ = rtl ? "Amiri, DejaVu Sans Bold 10" : "DejaVu Sans, Amiri Bold 8.5";
    heading_font_ = rtl ? "Amiri, DejaVu Sans Bold 15" : "DejaVu Sans, Amiri Bold 13";
    title_font_ = rtl ? "Amiri, DejaVu Sans Bold 22" : "DejaVu Sans, Amiri Bold 20";
    table_font_ = rtl ? "Amiri, DejaVu Sans 8.5" : "DejaVu Sans, Amiri 7";
    table_bold_font_ = rtl ? "Amiri, DejaVu Sans Bold 8.5" : "DejaVu Sans, Amiri Bold 7";
    mono_font_ = "DejaVu Sans Mono 5.5";
  }

  void Write() {
    Text(doc_.title, title_font_, kContentWidth, kMargin, 6);
    Text(doc_.subtitle, body_font_, kContentWidth, kMargin, 14);
    for (const ReportBlock& block : doc_.blocks) {
      switch (block.kind) {
        case ReportBlock::Kind::kHeading:
          EnsureSpace(110);  // a heading stays with what follows it
          y_ += 6;
          Text(block.text, heading_font_, kContentWidth, kMargin, 6);
          break;
        case ReportBlock::Kind::kParagraph:
          Text(block.text, body_font_, kContentWidth, kMargin, 8);
          break;
        case ReportBlock::Kind::kTable: Table(block.table); break;
        case ReportBlock::Kind::kChart: Chart(); break;
      }
    }
    Footer();
    cairo_show_page(cr_);
  }

 private:
  static constexpr double kContentWidth = kPageWidth - 2 * kMargin;
  static constexpr double kBottom = kPageHeight - kMargin - 14;

  PangoLayout* Layout(const std::string& text, const std::string& font, double width) {
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    if (doc_.right_to_left) {
      pango_context_set_base_dir(pango_layout_get_context(layout), PANGO_DIRECTION_RTL);
      pango_layout_set_auto_dir(layout, FALSE);
      pango_layout_context_changed(layout);
    }
    PangoFontDescription* description = pango_font_description_from_string(font.c_str());
    pango_layout_set_font_description(layout, description);
    pango_font_description_free(description);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, doc_.right_to_left ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout, text.c_str(), -1);
    return layout;
  }

  static double HeightOf(PangoLayout* layout) {
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }

  void Text(const std::string& text, const std::string& font, double width, double x,
            double space_after) {
    PangoLayout* layout = Layout(text, font, width);
    double height = HeightOf(layout);
    EnsureSpace(height);
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_move_to(cr_, x, y_);
    pango_cairo_show_layout(cr_, layout);
    g_object_unref(layout);
    y_ += height + space_after;
  }

  void EnsureSpace(double height) {
    if (y_ + height <= kBottom) return;
    Footer();
    cairo_show_page(cr_);
    ++page_;
    y_ = kMargin;
  }

  void Footer() {
    PangoLayout* layout = Layout(doc_.title + "  -  " + std::to_string(page_), mono_font_,
                                 kContentWidth);
    cairo_set_source_rgb(cr_, 0.4, 0.4, 0.4);
    cairo_move_to(cr_, kMargin, kPageHeight - kMargin);
    pango_cairo_show_layout(cr_, layout);
    g_object_unref(layout);
  }

  std::vector<double> ColumnWidths(const ReportTable& table, size_t columns) const {
    std::vector<double> weights = table.widths;
    weights.resize(columns, 1.0);
    double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    for (double& weight : weights) weight = weight / total * kContentWidth;
    return weights;
  }

  const std::string& CellFont(bool header, bool mono) const {
    return header ? table_bold_font_ : mono ? mono_font_ : table_font_;
  }

  // Lays out the cells of one row; `height` gets the row's height. The caller unrefs them.
  std::vector<PangoLayout*> RowLayouts(const std::vector<std::string>& cells,
                                       const std::vector<double>& widths, bool header,
                                       bool mono_last, double& height) {
    std::vector<PangoLayout*> layouts;
    height = 0;
    for (size_t column = 0; column < widths.size(); ++column) {
      bool mono = mono_last && column + 1 == widths.size();
      std::string text = column < cells.size() ? cells[column] : "";
      layouts.push_back(Layout(text, CellFont(header, mono), widths[column] - 2 * kCellPad));
      height = std::max(height, HeightOf(layouts.back()) + 2 * kCellPad);
    }
    return layouts;
  }

  // Draws one row at y_; columns run from the right edge in a right-to-left document.
  void DrawRow(std::vector<PangoLayout*> layouts, const std::vector<double>& widths,
               double height, bool header) {
    double x = doc_.right_to_left ? kMargin + kContentWidth : kMargin;
    for (size_t column = 0; column < widths.size(); ++column) {
      double left = doc_.right_to_left ? x - widths[column] : x;
      if (header) {
        cairo_set_source_rgb(cr_, 0.9, 0.9, 0.9);
        cairo_rectangle(cr_, left, y_, widths[column], height);
        cairo_fill(cr_);
      }
      cairo_set_source_rgb(cr_, 0.55, 0.55, 0.55);
      cairo_set_line_width(cr_, 0.4);
      cairo_rectangle(cr_, left, y_, widths[column], height);
      cairo_stroke(cr_);
      cairo_set_source_rgb(cr_, 0, 0, 0);
      cairo_move_to(cr_, left + kCellPad, y_ + kCellPad);
      pango_cairo_show_layout(cr_, layouts[column]);
      g_object_unref(layouts[column]);
      x = doc_.right_to_left ? left : left + widths[column];
    }
    y_ += height;
  }

  void Table(const ReportTable& table) {
    size_t columns = table.headers.size();
    for (const auto& row : table.rows) columns = std::max(columns, row.size());
    if (columns == 0) return;
    std::vector<double> widths = ColumnWidths(table, columns);
    auto header = [&] {
      if (table.headers.empty()) return;
      double height = 0;
      std::vector<PangoLayout*> layouts = RowLayouts(table.headers, widths, true, false, height);
      DrawRow(std::move(layouts), widths, height, true);
    };
    EnsureSpace(40);
    header();
    for (const auto& row : table.rows) {
      double height = 0;
      std::vector<PangoLayout*> layouts =
          RowLayouts(row, widths, false, table.monospace_last, height);
      if (y_ + height > kBottom) {
        EnsureSpace(kPageHeight);  // a new page, with the header repeated
        header();
      }
      DrawRow(std::move(layouts), widths, height, false);
    }
    y_ += 10;
  }

  void Chart() {
    EnsureSpace(kChartHeight);
    DrawChart(cr_, doc_.chart, kMargin, y_, kContentWidth, kChartHeight, table_font_);
    y_ += kChartHeight + 8;
  }

  cairo_t* cr_;
  const ReportDocument& doc_;
  std::string body_font_, bold_font_, heading_font_, title_font_, table_font_, table_bold_font_,
      mono_font_;
  double y_ = kMargin;
  int page_ = 1;
};

}  // namespace

Result<std::string> RenderPdf(const ReportDocument& document) {
  std::string pdf;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(&AppendBytes, &pdf, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Tafkik");
  cairo_t* cr = cairo_create(surface);
  PdfWriter(cr, document).Write();
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return InternalError(std::string("report PDF: ") + cairo_status_to_string(status));
  }
  return pdf;
}

}  // namespace tafkik::casefile
