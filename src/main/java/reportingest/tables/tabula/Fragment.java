package reportingest.tables.tabula;

import reportingest.layout.BBox;
import reportingest.tables.RawRow;

import java.util.List;

/**
 * One table as found on one page, before stitching: its box, the left edges of its columns
 * (and its right edge) for comparing column structure across a page break, its rows, and the
 * caption found around it.
 */
record Fragment(int page, BBox box, List<Double> columnLefts, List<RawRow> rows, Caption caption,
                boolean lattice, boolean firstOnPage, boolean lastOnPage) {}
