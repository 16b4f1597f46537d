"""Every user-facing string, Vietnamese first and English second, and the number/date formats.

A message is looked up by key and filled with str.format parameters; an English noun after a count
agrees with it ({n} {n:row|rows}). Missing English falls back to Vietnamese; a missing key is a
programming error and raises. Numbers and dates are formatted by Babel in the reader's language
(vi or en), never by the process locale.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import os
import string
from zoneinfo import ZoneInfo

import babel
import babel.dates
import babel.numbers

from . import periods
from .cells import is_blank
from .settings import Milestone, default_milestones

LANGS = ("vi", "en")

CATALOGUE: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ severities and locations
    "severity.error": ("Lỗi", "Error"),
    "severity.warning": ("Lưu ý", "Warning"),
    "loc.sheet": ("Sheet {sheet}", "Sheet {sheet}"),
    "loc.row": ("dòng {row}", "row {row}"),
    "loc.column": ("cột {column}", "column {column}"),
    # ------------------------------------------------------------ files
    "problem.file_empty": (
        "Tệp {file} rỗng (0 byte). Hãy mở lại tệp gốc trong Excel, lưu lại rồi tải lên lần nữa.",
        "The file {file} is empty (0 bytes). Open the original in Excel, save it and upload again.",
    ),
    "problem.file_not_workbook": (
        "Tệp {file} không phải là bảng tính Excel (.xlsx, .xls) hay LibreOffice (.ods), dù tên tệp có thể ghi như vậy. "
        "Hãy mở tệp trong Excel và chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx).",
        "The file {file} is not an Excel (.xlsx, .xls) or LibreOffice (.ods) workbook, whatever its name says. "
        "Open it in Excel and use Save As → Excel Workbook (.xlsx).",
    ),
    "problem.file_encrypted": (
        "Tệp {file} được đặt mật khẩu nên không đọc được. Hãy mở tệp, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc), "
        "lưu lại rồi tải lên.",
        "The file {file} is password-protected. Open it, remove the password (File → Info → Protect Workbook), "
        "save and upload again.",
    ),
    "problem.file_corrupt": (
        "Tệp {file} bị hỏng hoặc lưu dở dang nên không đọc được. Hãy mở tệp gốc trong Excel hoặc LibreOffice, "
        "lưu lại thành .xlsx rồi tải lên.",
        "The file {file} is damaged or incomplete. Open the original in Excel or LibreOffice, save it as .xlsx "
        "and upload again.",
    ),
    "problem.file_missing": (
        "Không tìm thấy tệp {file}. Hãy kiểm tra lại đường dẫn.",
        "File {file} not found. Check the path.",
    ),
    "problem.file_is_folder": (
        "{file} là một thư mục, không phải tệp. Hãy chỉ đến tệp Excel bên trong, ví dụ {file}/bang_diem.xlsx.",
        "{file} is a folder, not a file. Point to the Excel file inside it, e.g. {file}/bang_diem.xlsx.",
    ),
    "cli.cannot_write": (
        "Không ghi được tệp {file}: thư mục không tồn tại hoặc không có quyền ghi ({reason}).",
        "Cannot write {file}: the folder does not exist or is not writable ({reason}).",
    ),
    "cli.missing_argument": ("Thiếu {what}.", "Missing {what}."),
    "cli.missing_value": ("Sau {what} cần ghi một giá trị.", "{what} needs a value."),
    "cli.unknown_argument": ("Không hiểu {what}.", "Unknown {what}."),
    "cli.bad_choice": (
        "“{value}” không hợp lệ cho {what}; hãy chọn một trong: {allowed}.",
        "“{value}” is not valid for {what}; choose one of: {allowed}.",
    ),
    "cli.bad_number": ("“{value}” không phải là số cho {what}.", "“{value}” is not a number for {what}."),
    "problem.file_no_access": ("Không có quyền đọc tệp {file}.", "No permission to read {file}."),
    "problem.file_too_big": (
        "Tệp {file} nặng {size} MB, vượt giới hạn {limit} MB. Hãy xóa các sheet, hình ảnh không cần thiết "
        "hoặc tách thành nhiều tệp.",
        "The file {file} is {size} MB, over the {limit} MB limit. Remove sheets or pictures it does not "
        "need, or split it.",
    ),
    "problem.file_unpacks_too_big": (
        "Tệp {file} khi giải nén lên tới {size} MB, vượt giới hạn {limit} MB, nên không được mở "
        "(có thể là tệp độc hại). Hãy kiểm tra lại tệp gốc.",
        "The file {file} unpacks to {size} MB, over the {limit} MB limit, so it was not opened "
        "(it may be hostile). Check the original file.",
    ),
    "problem.file_truncated": (
        "Tệp {file} bị cắt dở (lưu hoặc gửi chưa xong). Hãy mở tệp gốc, lưu lại rồi tải lên lần nữa.",
        "The file {file} is cut short (saving or sending did not finish). Open the original, save "
        "it again and upload it again.",
    ),
    "problem.file_too_slow": (
        "Tệp {file} cần hơn {seconds} giây để đọc nên đã dừng. Hãy tách bảng thành tệp nhỏ hơn hoặc lưu lại "
        "thành .xlsx trong Excel.",
        "Reading {file} took over {seconds} {seconds:second|seconds} and was stopped. Split it into smaller files or "
        "save it again as .xlsx in Excel.",
    ),
    "problem.file_too_complex": (
        "Tệp {file} cần quá nhiều bộ nhớ để đọc nên đã dừng (có thể là tệp độc hại hoặc quá lớn). "
        "Hãy kiểm tra lại tệp gốc.",
        "Reading {file} needed too much memory and was stopped (the file may be hostile or too big). "
        "Check the original file.",
    ),
    "problem.too_many_sheets": (
        "Tệp {file} có {count} sheet, quá {limit} sheet. Hãy chỉ giữ các sheet cần tải lên.",
        "The file {file} has {count} {count:sheet|sheets}, over {limit}. Keep only the sheets to upload.",
    ),
    "problem.sheet_too_big": (
        "Sheet {sheet_name} của tệp {file} có {rows} dòng × {cols} cột, quá giới hạn {max_rows} dòng × "
        "{max_cols} cột. Hãy xóa các dòng, cột thừa hoặc tách thành nhiều tệp.",
        "Sheet {sheet_name} of {file} has {rows} {rows:row|rows} × {cols} {cols:column|columns}, over the limit of {max_rows} × "
        "{max_cols}. Delete the extra rows and columns or split the file.",
    ),
    "problem.file_ratio": (
        "Tệp {file} nén tới {ratio} lần, bất thường với một bảng tính (có thể là tệp độc hại), nên không được mở. "
        "Hãy kiểm tra lại tệp gốc.",
        "The file {file} is compressed {ratio} {ratio:time|times}, which no spreadsheet is (it may be hostile), so it "
        "was not opened. Check the original file.",
    ),
    "problem.no_table": (
        "Không tìm thấy bảng nào của hệ thống trong tệp {file}: không có dòng tiêu đề nào có các cột như "
        "“Mã đơn vị”, “Mã tiêu chí”, “Họ và tên”. Hãy tải mẫu (template) của ứng dụng và chép dữ liệu vào đó.",
        "No table of ours was found in {file}: no header row with columns such as “Mã đơn vị”, “Mã tiêu chí”, "
        "“Họ và tên”. Download the app's template and copy the data into it.",
    ),
    "problem.sheet_unknown": (
        "Sheet này không có bảng nào của hệ thống nên được bỏ qua.",
        "This sheet holds none of our tables and was skipped.",
    ),
    "problem.column_unknown": (
        "Cột “{column}” không thuộc mẫu nên được bỏ qua. Nếu đây là một tiêu chí, hãy thêm nó vào Bộ tiêu chí trước.",
        "Column “{column}” is not in the template and was ignored. If it is a criterion, add it to the criteria set first.",
    ),
    # ------------------------------------------------------------ cells
    "problem.not_number": (
        "“{value}” không phải là số. Hãy nhập số, ví dụ 8 hoặc 8,5.",
        "“{value}” is not a number. Type a number, e.g. 8 or 8.5.",
    ),
    "problem.not_cluster": (
        "“{value}” không phải là số cụm. Hãy ghi số của cụm, ví dụ 7 hoặc Cụm 7.",
        "“{value}” is not a cluster number. Write the cluster's number, e.g. 7 or Cụm 7.",
    ),
    "problem.not_group": (
        "“{value}” không phải là số tổ công tác. Hãy ghi số của tổ, ví dụ 1 hoặc Tổ 1.",
        "“{value}” is not a working group number. Write the group's number, e.g. 1 or Tổ 1.",
    ),
    "problem.not_integer": ("“{value}” phải là số nguyên (không có phần lẻ).", "“{value}” must be a whole number."),
    "problem.not_bool": (
        "“{value}” không hiểu được. Hãy ghi “x” (có) hoặc để trống (không).",
        "“{value}” is not understood. Write “x” for yes or leave it empty.",
    ),
    "problem.not_date": (
        "“{value}” không phải là ngày. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 28/03/2018.",
        "“{value}” is not a date. Type it as dd/mm/yyyy, e.g. 28/03/2018.",
    ),
    "problem.required_empty": (
        "Ô này bắt buộc nhưng đang để trống. Hãy điền vào.",
        "This cell is required but empty. Fill it in.",
    ),
    "problem.column_missing": (
        "Thiếu cột bắt buộc “{column}”. Hãy thêm cột này vào dòng tiêu đề (xem mẫu).",
        "The required column “{column}” is missing. Add it to the header row (see the template).",
    ),
    # ------------------------------------------------------------ units
    "problem.unit_duplicate": (
        "Đơn vị {value} xuất hiện hai lần (lần đầu ở dòng {first_row}). Hãy giữ một dòng cho mỗi đơn vị.",
        "Unit {value} appears twice (first at row {first_row}). Keep one row per unit.",
    ),
    "problem.unit_unknown": (
        "Không có đơn vị “{value}” trong danh sách đơn vị. Hãy kiểm tra mã (hoặc tên) đơn vị, "
        "hoặc bổ sung đơn vị vào Danh sách đơn vị trước.",
        "There is no unit “{value}” in the unit list. Check the unit code (or name), "
        "or add the unit to the unit list first.",
    ),
    "problem.unit_missing": (
        "Dòng có số liệu nhưng thiếu mã đơn vị và tên đơn vị. Hãy điền mã đơn vị.",
        "The row has figures but no unit code or name. Fill in the unit code.",
    ),
    "problem.cluster_invalid": (
        "Số cụm “{value}” không hợp lệ. Hãy ghi số cụm từ 1 trở lên.",
        "Cluster “{value}” is not valid. Write a cluster number from 1 up.",
    ),
    "problem.rating_unknown": (
        "Xếp loại “{value}” không có trong thang xếp loại. Hãy dùng một trong: {allowed}.",
        "Rating “{value}” is not on the scale. Use one of: {allowed}.",
    ),
    "problem.companion_other_cluster": (
        "Đơn vị đồng hành {companion} ở cụm {other}, còn đơn vị này ở cụm {cluster}. Kế hoạch chọn đơn vị đồng "
        "hành trong cùng cụm: hãy kiểm tra lại mã đơn vị đồng hành (dữ liệu vẫn được nạp).",
        "The companion {companion} is in cluster {other}, this unit in cluster {cluster}. The plan picks a "
        "companion of the same cluster: check the companion's code (the data is still imported).",
    ),
    "problem.companion_not_strong": (
        "Đơn vị đồng hành {companion} xếp loại năm 2017 là “{rating}”. Kế hoạch chọn đơn vị {strong} để đồng "
        "hành: hãy kiểm tra lại (dữ liệu vẫn được nạp).",
        "The companion {companion} was rated “{rating}” in 2017. The plan picks a {strong} unit as a "
        "companion: check it (the data is still imported).",
    ),
    "problem.baseline_rating_differs": (
        "Xếp loại 2017 là “{value}” nhưng điểm {total} tương ứng “{by_score}”. Ứng dụng giữ xếp loại chính thức “{value}”; "
        "hãy kiểm tra lại nếu nhập nhầm.",
        "The 2017 rating is “{value}” but the score {total} gives “{by_score}”. The official “{value}” is kept; "
        "check it if it was a typo.",
    ),
    "problem.plan_item_unknown": (
        "Mã nội dung kế hoạch “{value}” không có. Hãy dùng một trong: {allowed}.",
        "Plan item “{value}” does not exist. Use one of: {allowed}.",
    ),
    # ------------------------------------------------------------ criteria
    "problem.criterion_duplicate": (
        "Tiêu chí {value} xuất hiện hai lần (lần đầu ở dòng {first_row}). Mỗi mã tiêu chí chỉ ghi một lần.",
        "Criterion {value} appears twice (first at row {first_row}). Each code once.",
    ),
    "problem.max_points_invalid": (
        "Điểm tối đa “{value}” phải lớn hơn 0.",
        "Maximum points “{value}” must be above 0.",
    ),
    "problem.criteria_total": (
        "Tổng điểm tối đa của bộ tiêu chí là {value}, không phải 100. Xếp loại tính trên thang 100 điểm; hãy kiểm tra lại.",
        "The criteria add up to {value} {value:point|points}, not 100. Ratings assume a 100-point scale; check it.",
    ),
    "problem.criteria_missing": (
        "Chưa có Bộ tiêu chí nên chưa chấm được bảng điểm. Hãy tải lên Bộ tiêu chí trước.",
        "There is no criteria set yet, so scorecards cannot be read. Upload the criteria first.",
    ),
    "problem.criterion_column_missing": (
        "Thiếu cột tiêu chí {column}. Hãy thêm cột {column} vào dòng tiêu đề (xem mẫu bảng điểm).",
        "Criterion column {column} is missing. Add it to the header row (see the scorecard template).",
    ),
    # ------------------------------------------------------------ points
    "problem.points_not_number": (
        "Điểm “{value}” không phải là số. Hãy nhập số, ví dụ 8 hoặc 8,5.",
        "Points “{value}” is not a number. Type a number, e.g. 8 or 8.5.",
    ),
    "problem.points_empty": (
        "Ô điểm để trống, được tính 0 điểm. Nếu đơn vị có điểm, hãy điền vào.",
        "Empty points cell, counted as 0. Fill it in if the unit scored.",
    ),
    "problem.points_negative": (
        "Điểm {value} bị âm. Điểm phải từ 0 trở lên.",
        "Points {value} are negative. Points start at 0.",
    ),
    "problem.points_above_max": (
        "Điểm {value} vượt điểm tối đa {maximum} của tiêu chí. Hãy sửa lại, tối đa là {maximum}.",
        "Points {value} exceed the criterion's maximum of {maximum}. Correct it; at most {maximum}.",
    ),
    "problem.points_out_of_range": (
        "Điểm {value} phải nằm trong khoảng 0 đến {maximum}.",
        "Score {value} must lie between 0 and {maximum}.",
    ),
    "problem.total_differs": (
        "Tổng điểm ghi {value} nhưng cộng các tiêu chí được {computed}. Ứng dụng dùng {computed}.",
        "Total written as {value} but the criteria add up to {computed}. The app uses {computed}.",
    ),
    "problem.rating_given_unknown": (
        "Xếp loại “{value}” không có trong thang, được bỏ qua; xếp loại tính theo tổng điểm.",
        "Rating “{value}” is not on the scale and was ignored; the rating follows the total.",
    ),
    "problem.rating_given_differs": (
        "Xếp loại ghi “{value}” nhưng tổng {computed} điểm tương ứng “{expected}”. Ứng dụng dùng “{expected}”.",
        "Rating written as “{value}” but {computed} {computed:point gives|points give} “{expected}”. The app uses “{expected}”.",
    ),
    "problem.unit_not_scored": (
        "Đơn vị {value} chưa có điểm nào nên được bỏ qua (không lưu gì cho đơn vị này).",
        "Unit {value} has no points yet and was skipped (nothing stored for it).",
    ),
    "problem.report_empty": (
        "Dòng của đơn vị {value} còn trống nên được bỏ qua.",
        "The row of unit {value} is empty and was skipped.",
    ),
    "problem.no_rows": (
        "Bảng có dòng tiêu đề nhưng không có dòng số liệu nào bên dưới. Hãy điền số liệu dưới dòng tiêu đề.",
        "The table has a header row but no data under it. Fill in the rows under the header.",
    ),
    "problem.nothing_to_store": (
        "Tệp không có số liệu nào để lưu: mọi dòng đều trống. Hãy điền số liệu rồi tải lên lại.",
        "The file holds nothing to store: every row is empty. Fill in the figures and upload again.",
    ),
    "problem.number_negative": ("Số {value} bị âm. Hãy nhập số từ 0 trở lên.", "{value} is negative. Type 0 or more."),
    "problem.status_unknown": (
        "Tình trạng “{value}” không hiểu được. Hãy chọn một trong: {allowed}.",
        "Status “{value}” is not understood. Choose one of: {allowed}.",
    ),
    # ------------------------------------------------------------ support plans and meetings (#15)
    "problem.status_overdue_typed": (
        "Trạng thái “{value}” không cần ghi: ứng dụng tự tính quá hạn từ cột Hạn và Trạng thái. Việc này được đọc là "
        "Chưa thực hiện; hãy ghi Chưa thực hiện, Đang thực hiện hoặc Hoàn thành.",
        "Status “{value}” need not be written: the app works out what is overdue from the due date and the status. "
        "This action was read as Not started; write Chưa thực hiện, Đang thực hiện or Hoàn thành.",
    ),
    "problem.status_overdue_computed": (
        "Không chọn được trạng thái “{value}”: ứng dụng tự tính quá hạn từ Hạn và Trạng thái. "
        "Hãy chọn một trong: {allowed}.",
        "“{value}” cannot be chosen: the app works out what is overdue from the due date and the status. "
        "Choose one of: {allowed}.",
    ),
    "problem.dates_reversed": (
        "Đến ngày {value} trước Từ ngày {start}. Hãy kiểm tra lại hai ngày.",
        "The end date {value} is before the start date {start}. Check both dates.",
    ),
    "problem.group_unknown": (
        "Không có tổ công tác “{value}”. Các tổ đã có: {allowed}. Hãy sửa số tổ, hoặc tải lên danh sách Tổ công tác "
        "trước.",
        "There is no working group “{value}”. The groups are: {allowed}. Correct the number, or upload the working "
        "groups first.",
    ),
    "problem.meeting_outside_plan": (
        "Ngày họp {value} không thuộc quý nào của kế hoạch ({allowed}): cuộc họp vẫn được lưu nhưng không được tính "
        "cho quý nào. Hãy kiểm tra lại năm của ngày họp.",
        "The meeting date {value} is in no quarter of the plan ({allowed}): the meeting is stored but counts for no "
        "quarter. Check the year of the date.",
    ),
    "problem.meeting_duplicate": (
        "Tổ {group} có hai dòng cùng ngày họp {value} (lần đầu ở dòng {first_row}). Mỗi cuộc họp ghi một dòng.",
        "Group {group} has two rows with the meeting date {value} (first at row {first_row}). One row per meeting.",
    ),
    "problem.meeting_held": (
        "Tổ {group} đã có cuộc họp ngày {value}. Hãy sửa biên bản đã có (tải lên lại) thay vì thêm cuộc họp mới.",
        "Group {group} already has a meeting on {value}. Correct the minutes there (upload them again) instead of "
        "adding a meeting.",
    ),
    # ------------------------------------------------------------ periods
    "problem.period_unreadable": (
        "Không đọc được kỳ “{value}”. Hãy ghi theo dạng Quý II/2018 hoặc Năm 2017.",
        "Period “{value}” cannot be read. Write it as Quý II/2018 or Năm 2017.",
    ),
    "problem.period_outside_plan": (
        "Kỳ {value} không thuộc kế hoạch. Các kỳ hợp lệ: {allowed}.",
        "Period {value} is outside the plan. Valid periods: {allowed}.",
    ),
    "problem.period_missing": (
        "Không xác định được kỳ (quý) của bảng này: tiêu đề, tên sheet và tên tệp đều không ghi kỳ. "
        "Hãy chọn kỳ khi tải lên (hoặc dùng --period 2018-Q2), hay ghi “Quý II/2018” vào dòng tiêu đề.",
        "The period (quarter) of this table is unknown: neither title, sheet name nor file name names it. "
        "Choose the period at upload (or --period 2018-Q2), or write “Quý II/2018” in the title.",
    ),
    "problem.period_choice_invalid": (
        "Kỳ “{value}” không hợp lệ. Hãy ghi dạng 2018-Q2, Quý II/2018 hoặc 2017.",
        "Period “{value}” is not valid. Write it as 2018-Q2, Quý II/2018 or 2017.",
    ),
    "problem.store_empty": (
        "Chưa có danh sách đơn vị nên chưa đọc được tệp này. Hãy tải Danh sách đơn vị lên ở trang Tải lên trước"
        " (mẫu để điền có ở trang Mẫu biểu), rồi tải lại tệp này.",
        "There is no list of units yet, so this file cannot be read. Upload the list of units on the Upload page"
        " first (its template is on the Templates page), then upload this file again.",
    ),
    # ------------------------------------------------------------ hostile cells: codes, lengths, periods, errors
    "problem.code_invalid": (
        "Mã “{value}” của “{name}” không hợp lệ. Mã chỉ được gồm chữ cái không dấu, chữ số và dấu . _ - "
        "({allowed}), dài tối đa {limit} ký tự. Hãy gõ lại mã bằng bàn phím thay vì dán từ nơi khác.",
        "Code “{value}” of “{name}” is not valid. A code holds only plain letters, digits and . _ - "
        "({allowed}), at most {limit} {limit:character|characters}. Type it again rather than pasting it.",
    ),
    "problem.unit_name_taken": (
        "Đơn vị mới “{value}” trùng tên với đơn vị {other} đã có. Nếu đây là cùng một đơn vị, hãy dùng mã {other}; "
        "nếu không, hãy đặt tên khác để phân biệt.",
        "The new unit “{value}” has the same name as unit {other}. If it is the same unit, use the code {other}; "
        "otherwise give it a name of its own.",
    ),
    "problem.text_too_long": (
        "Ô này dài {length} ký tự, quá giới hạn {limit} ký tự của cột. Hãy rút gọn lại.",
        "This cell holds {length} {length:character|characters}, more than the column's limit of {limit}. Shorten it.",
    ),
    "problem.number_too_big": (
        "Số {value} quá lớn để lưu. Hãy ghi số không quá {limit}.",
        "{value} is too large to store. Write a number no larger than {limit}.",
    ),
    "problem.file_name_too_long": (
        "Tên tệp dài {length} ký tự, quá giới hạn {limit} ký tự. Hãy đổi tên tệp cho ngắn lại rồi tải lên.",
        "The file name is {length} {length:character|characters} long, over the limit of {limit}. "
        "Rename the file to something shorter and upload it again.",
    ),
    "problem.period_conflict": (
        "Các nơi ghi kỳ của bảng không khớp nhau — dòng “Kỳ:”: {period_line}; tiêu đề: {title}; "
        "tên sheet: {sheet_name}; tên tệp: {file_name}. Không lưu gì để tránh nhầm kỳ. Hãy sửa cho cùng một kỳ "
        "(dòng “Kỳ:” là nơi mẫu biểu ghi kỳ) hoặc chọn kỳ khi tải lên.",
        "The places naming the table's period disagree — the “Kỳ:” line: {period_line}; title: {title}; "
        "sheet name: {sheet_name}; file name: {file_name}. Nothing is stored, so no period is mixed up. Make them "
        "name one period (the “Kỳ:” line is where the template puts it) or choose the period at upload.",
    ),
    "problem.cell_error": (
        "Ô có lỗi {value} thay cho giá trị (công thức không tính được, ví dụ tham chiếu đã bị xoá hoặc chia cho 0). "
        "Hãy sửa công thức hoặc ghi thẳng giá trị vào ô; ô lỗi không được tính là 0.",
        "The cell holds the error {value} instead of a value (a formula that cannot be computed, e.g. a deleted "
        "reference or a division by 0). Fix the formula or type the value; an error cell is not counted as 0.",
    ),
    "problem.formula_no_value": (
        "Ô có công thức nhưng tệp không lưu kết quả của nó (tệp do một chương trình khác tạo ra). "
        "Hãy mở tệp trong Excel hoặc LibreOffice, lưu lại rồi tải lên; hoặc ghi thẳng giá trị vào ô.",
        "The cell holds a formula whose result the file did not save (it was made by another program). "
        "Open the file in Excel or LibreOffice, save it and upload it again, or type the value in the cell.",
    ),
    # ------------------------------------------------------------ CLI and store
    "cli.stored": (
        "Đã lưu lần tải lên #{id}: {kinds}, kỳ {periods}, {rows} dòng, {units} đơn vị.",
        "Stored upload #{id}: {kinds}, period {periods}, {rows} {rows:row|rows}, {units} {units:unit|units}.",
    ),
    "cli.valid": (
        "Tệp hợp lệ: {kinds}, kỳ {periods}, {rows} dòng, {units} đơn vị. Chưa lưu gì (chỉ kiểm tra).",
        "The file is valid: {kinds}, period {periods}, {rows} {rows:row|rows}, {units} {units:unit|units}. Nothing stored (check only).",
    ),
    "cli.refused": (
        "Không lưu gì: tệp có {errors} lỗi. Hãy sửa các lỗi trên rồi tải lên lại.",
        "Nothing stored: the file has {errors} {errors:error|errors}. Fix them and upload again.",
    ),
    "cli.seeded": ("Đã nạp dữ liệu mẫu: {count} lần tải lên.", "Sample data loaded: {count} {count:upload|uploads}."),
    "cli.seed_not_empty": (
        "Kho dữ liệu đã có dữ liệu; không nạp lại dữ liệu mẫu.",
        "The store already holds data; sample data not loaded again.",
    ),
    # pages/_state.py still reads this one; NewerStore says the same as error.newer_store
    "store.unavailable": (
        "Không mở được kho dữ liệu lúc này. Hãy tải lại trang sau ít phút; nếu vẫn vậy, báo cho "
        "người quản trị hệ thống.",
        "The store cannot be opened right now. Reload the page in a few minutes; if it persists, "
        "tell the system administrator.",
    ),
    "cli.upgraded": (
        "Đã nâng cấp kho dữ liệu từ lược đồ {before} lên {after}.",
        "The store was upgraded from schema {before} to {after}.",
    ),
    "cli.created": ("Đã tạo kho dữ liệu mới với lược đồ {after}.", "A new store was created with schema {after}."),
    "cli.up_to_date": ("Kho dữ liệu đã ở lược đồ mới nhất ({after}).", "The store is on the newest schema ({after})."),
    "cli.db_error": ("Không mở được kho dữ liệu {url}: {reason}", "Cannot open the store {url}: {reason}"),
    "cli.period_unknown": (
        "Kỳ “{value}” không hợp lệ. Các kỳ: {allowed}.",
        "Period “{value}” is not valid. Periods: {allowed}.",
    ),
    "cli.interrupted": ("Đã dừng theo yêu cầu; không lưu gì.", "Stopped on request; nothing stored."),
    "cli.unexpected": (
        "Có lỗi ngoài dự kiến ({kind}); không lưu gì. Hãy báo cho Ban Tổ chức kèm tệp đã dùng.",
        "Unexpected error ({kind}); nothing stored. Report it to the office with the file used.",
    ),
    "cli.password": ("Mật khẩu biên tập: ", "Editor password: "),
    "cli.password_again": ("Nhập lại: ", "Again: "),
    "cli.password_mismatch": ("Hai lần nhập không giống nhau; chưa tạo gì.", "The two entries differ; nothing made."),
    "cli.password_short": ("Mật khẩu cần ít nhất 8 ký tự.", "The password needs at least 8 characters."),
    "cli.report_format": (
        "Tệp báo cáo {file} phải có đuôi .docx (Word) hoặc .xlsx (Excel).",
        "The report file {file} must end in .docx (Word) or .xlsx (Excel).",
    ),
    "cli.report_written": ("Đã ghi báo cáo: {file}", "Report written: {file}"),
    "cli.backup_done": ("Đã sao lưu kho dữ liệu vào {file}.", "The store was backed up to {file}."),
    "cli.restore_done": ("Đã khôi phục kho dữ liệu từ bản sao lưu {file}.", "The store was restored from {file}."),
    "cli.marked": (
        "Đã ghi tệp đánh dấu các ô cần sửa: {file}",
        "Wrote the workbook with the cells to fix marked: {file}",
    ),
    "cli.rolled_back": (
        "Đã khôi phục trạng thái trước lần tải lên #{id} (mục lịch sử #{entry}).",
        "Restored the state before upload #{id} (history entry #{entry}).",
    ),
    # ------------------------------------------------------------ the command line's help (cli.build_parser)
    "cli.help.usage": ("Cách dùng: ", "usage: "),
    "cli.help.positionals": ("Đối số", "positional arguments"),
    "cli.help.options": ("Tùy chọn", "options"),
    "cli.help.help": ("hiện hướng dẫn này rồi thoát", "show this help message and exit"),
    "cli.help.description": (
        "Theo dõi hỗ trợ cơ sở Đoàn khó khăn, đặc thù. Lệnh nào cũng nhận --db và --lang, trước hoặc sau tên lệnh.",
        "Following the support of struggling and special Youth Union units. Every command takes --db and --lang,"
        " before or after its name.",
    ),
    "cli.help.db": (
        "địa chỉ SQLAlchemy của kho dữ liệu (mặc định: DOANDATA_DB_URL hoặc data/doandata.db)",
        "SQLAlchemy URL of the store (default: DOANDATA_DB_URL or data/doandata.db)",
    ),
    "cli.help.lang": ("ngôn ngữ của thông báo: vi (mặc định) hoặc en", "language of the messages: vi (default) or en"),
    "cli.help.seed": ("nạp dữ liệu mẫu sample_data/ vào kho trống", "load sample_data/ into an empty store"),
    "cli.help.import": ("kiểm tra một tệp Excel rồi lưu vào kho", "check a workbook and store it"),
    "cli.help.validate": ("chỉ kiểm tra một tệp Excel, không lưu gì", "check a workbook, store nothing"),
    "cli.help.file": ("tệp Excel (.xlsx, .xls, .ods)", "the workbook (.xlsx, .xls, .ods)"),
    "cli.help.period_upload": (
        "kỳ của tệp: 2017, 2018-Q1 … 2018-Q4 (hoặc Quý II/2018)",
        "the file's period: 2017, 2018-Q1 … 2018-Q4 (or Quý II/2018)",
    ),
    "cli.help.marked": (
        "ghi ra tệp Excel có đánh dấu các ô cần sửa",
        "write the workbook with its faulty cells marked",
    ),
    "cli.help.by": ("người tải lên", "who uploads"),
    "cli.help.summary": ("tiến độ của mọi đơn vị trong một kỳ", "progress of every unit for one period"),
    "cli.help.period": (
        "kỳ: 2017, 2018-Q1 … 2018-Q4, hoặc so-ket (số liệu quý II), tong-ket (số liệu quý III)",
        "the period: 2017, 2018-Q1 … 2018-Q4, or so-ket (the Q2 figures), tong-ket (the Q3 figures)",
    ),
    "cli.help.period_name": ("KỲ", "PERIOD"),
    "cli.help.file_name": ("TỆP", "FILE"),
    "cli.help.json": ("in ra dạng JSON", "print JSON"),
    "cli.help.template": ("ghi một mẫu Excel trống", "write an empty template workbook"),
    "cli.help.kind": ("loại mẫu", "the kind of template"),
    "cli.help.output": ("tệp sẽ ghi ra", "the file to write"),
    "cli.help.period_template": ("kỳ ghi sẵn trên mẫu", "the period written on the template"),
    "cli.help.report": (
        "báo cáo gửi Thường trực, dạng .docx hoặc .xlsx",
        "the report for Thường trực as .docx or .xlsx",
    ),
    "cli.help.period_report": ("2018-Q2 (một quý), so-ket hoặc tong-ket", "2018-Q2 (a quarter), so-ket or tong-ket"),
    "cli.help.report_output": ("TỆP.docx hoặc TỆP.xlsx", "FILE.docx or FILE.xlsx"),
    "cli.help.number": ("số văn bản (để trống để viết tay)", "the document number (blank for handwriting)"),
    "cli.help.code": ("ký hiệu văn bản", "the document's code"),
    "cli.help.signer": (
        'người ký (mặc định: họ tên trong Cài đặt; "" để viết tay)',
        'who signs (default: the name in Settings; "" for handwriting)',
    ),
    "cli.help.date": ("ngày/tháng/năm (để trống để viết tay)", "dd/mm/yyyy (blank for handwriting)"),
    "cli.help.backup": (
        "bản sao nhất quán của kho SQLite, cả khi ứng dụng đang chạy",
        "a consistent copy of the SQLite store while the app runs",
    ),
    "cli.help.restore": (
        "đưa bản sao lưu do lệnh backup tạo ra trở lại kho",
        "put a backup made by 'backup' back into the store",
    ),
    "cli.help.backup_file": ("tệp sao lưu", "the backup file"),
    "cli.help.history": ("liệt kê các lần tải lên", "list uploads"),
    "cli.help.upgrade": (
        "đưa kho lên lược đồ mới nhất (ứng dụng cũng tự làm mỗi lần khởi động)",
        "bring the store to the newest schema (also done on every start)",
    ),
    "cli.help.hash_password": (
        "in mã băm của mật khẩu biên tập viên (đọc từ bàn phím hoặc stdin)",
        "print the hash of an editor password (read from the terminal or stdin)",
    ),
    "cli.help.rollback": ("khôi phục trạng thái trước một lần tải lên", "restore the state before an upload"),
    "cli.help.id": ("số của lần tải lên (xem lệnh history)", "the upload's number (see history)"),
    "cli.help.by_rollback": ("người hoàn tác", "who undoes it"),
    "cli.help.actions": (
        "các việc của phương án hỗ trợ, việc nào quá hạn",
        "the support plans' actions, and which are overdue",
    ),
    "cli.help.period_actions": (
        "kỳ: quá hạn là Hạn trước ngày cuối kỳ (2018-Q3: trước 30/09/2018) mà chưa Hoàn thành; "
        "now (mặc định): Hạn trước hôm nay",
        "the period: overdue is due before its last day (2018-Q3: before 30/09/2018) and not done; "
        "now (the default): due before today",
    ),
    "cli.help.group": ("chỉ của tổ công tác số N", "only working group N's"),
    "cli.help.meetings": ("các cuộc họp tổ công tác đã ghi biên bản", "the working groups' recorded meetings"),
    "cli.no_actions": (
        "Chưa có việc nào: hãy tải lên Phương án hỗ trợ (mẫu: python -m doandata template support -o pa.xlsx).",
        "No actions yet: upload a support plan (template: python -m doandata template support -o plan.xlsx).",
    ),
    "cli.no_meetings": (
        "Chưa có cuộc họp nào: hãy tải lên Biên bản họp tổ (mẫu: python -m doandata template meetings -o bb.xlsx).",
        "No meetings yet: upload the minutes (template: python -m doandata template meetings -o minutes.xlsx).",
    ),
    "cli.overdue": ("QUÁ HẠN", "OVERDUE"),
    "cli.meeting_line": (
        "Tổ {group}  {date}  {period}  tại {place}; đơn vị được bàn: {units}",
        "Group {group}  {date}  {period}  at {place}; units discussed: {units}",
    ),
    "kind.units": ("Danh sách đơn vị", "Unit list"),
    "kind.groups": ("Tổ công tác", "Working groups"),
    "kind.criteria": ("Bộ tiêu chí", "Criteria"),
    "kind.scores": ("Bảng điểm", "Scorecard"),
    "kind.reports": ("Báo cáo quý", "Quarterly report"),
    "kind.support": ("Phương án hỗ trợ", "Support plan"),
    "kind.reinforcements": ("Cán bộ tăng cường", "Reinforcement staff"),
    "kind.meetings": ("Biên bản họp tổ", "Working-group minutes"),
    "error.editor_required": (
        "Chỉ người biên tập đã đăng nhập mới sửa được; hãy đăng nhập (tên của bạn được ghi vào lịch sử).",
        "Only a signed-in editor can change this; sign in (your name goes into the history).",
    ),
    "error.unknown_action": (
        "Phương án hỗ trợ của đơn vị {unit} không có việc số {number}.",
        "The support plan of unit {unit} has no action number {number}.",
    ),
    "error.edit_refused": ("Không lưu được thay đổi.", "The change was not stored."),
    # ------------------------------------------------------------ errors (errors.py: error.<code>)
    "error.duplicate_upload": (
        "Tệp này đã được tải lên y hệt ở lần #{id} ({at}). Không lưu gì thêm.",
        "This very file was already uploaded as #{id} ({at}). Nothing new stored.",
    ),
    "error.unknown_upload": (
        "Không có lần tải lên #{id}. Danh sách các lần tải lên có ở trang Lịch sử (trên dòng lệnh: “python -m "
        "doandata history”).",
        "There is no upload #{id}. The History page lists them (on the command line: “python -m doandata history”).",
    ),
    "error.not_sqlite": (
        "Kho PostgreSQL được sao lưu bằng pg_dump (nhất quán cả khi ứng dụng đang chạy), ví dụ: "
        "pg_dump -Fc -f doandata.dump TÊN_CSDL; khôi phục bằng pg_restore.",
        "A PostgreSQL store is backed up with pg_dump (consistent while the app runs), e.g. "
        "pg_dump -Fc -f doandata.dump DBNAME; restore with pg_restore.",
    ),
    "error.not_a_backup": (
        "Tệp {file} không phải bản sao lưu của ứng dụng; không khôi phục gì.",
        "{file} is not a backup of this app; nothing restored.",
    ),
    "error.newer_store": (
        "Kho dữ liệu đã được một phiên bản ứng dụng mới hơn nâng cấp (lược đồ {found}; phiên bản "
        "này chỉ biết đến {known}). Hãy cập nhật ứng dụng lên bản mới nhất rồi mở lại; dữ liệu "
        "không bị thay đổi.",
        "The store was upgraded by a newer release of the app (schema {found}; this release knows "
        "up to {known}). Update the app to the newest release and open it again; no data was changed.",
    ),
    "error.unsafe": (
        "Thiếu thư viện defusedxml nên không thể đọc tệp Excel một cách an toàn; ứng dụng không chạy. "
        "Hãy cài đặt: pip install -r requirements.txt",
        "defusedxml is not installed, so Excel files cannot be read safely; the app does not run. "
        "Install it: pip install -r requirements.txt",
    ),
    # ------------------------------------------------------------ store and editor safety
    "error.newer_backup": (
        "Bản sao lưu {file} do một phiên bản ứng dụng mới hơn tạo (lược đồ {found}; phiên bản này chỉ "
        "biết đến {known}). Không khôi phục gì; hãy cập nhật ứng dụng rồi khôi phục lại.",
        "The backup {file} was made by a newer release of the app (schema {found}; this release knows "
        "up to {known}). Nothing restored; update the app, then restore it.",
    ),
    "error.disk_full": (
        "Ổ đĩa đã đầy, không đủ chỗ để ghi {file}. Không ghi gì và không để lại tệp dở dang; hãy "
        "giải phóng chỗ trống hoặc chọn ổ khác rồi thử lại.",
        "The disk is full: there is no room to write {file}. Nothing was written and no partial file "
        "is left; free some space or choose another disk, then try again.",
    ),
    "error.read_only_store": (
        "Kho dữ liệu {file} nằm trên ổ đĩa hoặc thư mục chỉ cho đọc: vẫn xem được, nhưng không lưu "
        "được gì (tải lên, khôi phục, cài đặt, đăng nhập biên tập).",
        "The store {file} is on a read-only disk or folder: it can be viewed, but nothing can be "
        "stored (uploads, restores, settings, editor sign-in).",
    ),
    "history.action_restore": ("Khôi phục từ bản sao lưu", "Restored from a backup"),
    "auth.session_ended": (
        "Phiên biên tập đã hết hạn hoặc mật khẩu biên tập vừa được đổi; hãy đăng nhập lại.",
        "The editing session has expired or the editor password was just changed; sign in again.",
    ),
    "auth.shared_counter": (
        "Máy chủ không biết địa chỉ của người truy cập (proxy không gửi X-Forwarded-For hoặc chưa đặt "
        "DOANDATA_TRUSTED_PROXIES), nên mọi người dùng chung một bộ đếm: một người nhập sai mật khẩu thì "
        "mọi người biên tập đều phải chờ. Hãy báo người quản trị (xem README).",
        "The server does not know visitors' addresses (the proxy sends no X-Forwarded-For or "
        "DOANDATA_TRUSTED_PROXIES is unset), so everyone shares one counter: one person's wrong passwords "
        "make every editor wait. Tell the administrator (see the README).",
    ),
    "auth.password_again": ("Nhập lại mật khẩu biên tập để xác nhận", "Enter the editor password again to confirm"),
    "auth.password_again_needed": (
        "Hãy nhập lại mật khẩu biên tập để xác nhận; chưa thay đổi gì.",
        "Enter the editor password again to confirm; nothing was changed.",
    ),
    # ------------------------------------------------------------ statuses and ratings
    "status.on_track": ("Đúng tiến độ", "On track"),
    "status.at_risk": ("Cần chú ý", "Needs attention"),
    "status.behind": ("Chậm tiến độ", "Behind"),
    "status.no_data": ("Chưa có số liệu", "No data"),
    "item.not_started": ("Chưa thực hiện", "Not started"),
    "item.in_progress": ("Đang thực hiện", "In progress"),
    "item.done": ("Hoàn thành", "Done"),
    "item.none": ("Chưa báo cáo", "Not reported"),
    "rating.Yếu": ("Yếu", "Weak"),
    "rating.Trung bình": ("Trung bình", "Average"),
    "rating.Khá": ("Khá", "Fair"),
    "rating.Tiên tiến": ("Tiên tiến", "Advanced"),
    "rating.Vững mạnh": ("Vững mạnh", "Strong"),
    "rating.Xuất sắc": ("Xuất sắc", "Excellent"),
    "rating.Vững mạnh xuất sắc": ("Vững mạnh xuất sắc", "Outstanding"),  # the previous scale's top level
    "period.baseline": ("Năm {year}", "Year {year}"),
    "period.quarter": ("Quý {roman}/{year}", "Q{q} {year}"),
    "review.midyear": ("Sơ kết", "Mid-year review"),
    "review.final": ("Tổng kết", "Final review"),
    # ------------------------------------------------------------ app
    "app.title": ("Theo dõi hỗ trợ cơ sở Đoàn khó khăn, đặc thù", "Support for difficult and special grassroots units"),
    "nav.overview": ("Tổng quan", "Overview"),
    "nav.unit": ("Đơn vị", "Unit"),
    "nav.templates": ("Mẫu biểu", "Templates"),
    "templates.header": ("Mẫu biểu để tải về", "Templates to download"),
    "templates.caption": (
        "Các mẫu được tạo từ cùng quy ước mà ứng dụng dùng để đọc tệp, nên điền đúng mẫu là tải lên được. "
        "Mẫu có sẵn danh sách chọn cho tình trạng, xếp loại và mã đơn vị, và một sheet Hướng dẫn.",
        "The templates come from the same contract the app reads with, so a filled-in template loads. "
        "They carry drop-down lists for statuses, ratings and unit codes, and an instructions sheet.",
    ),
    "templates.period": ("Kỳ của bảng điểm và báo cáo quý", "Period of the scorecard and the quarterly report"),
    "templates.download": ("Tải mẫu {kind}", "Download the {kind} template"),
    "templates.help.units": (
        "Mã, tên, cụm, đặc thù, kết quả năm 2017 của từng cơ sở Đoàn.",
        "Code, name, cluster, special flag and 2017 result of each unit.",
    ),
    "templates.help.groups": (
        "Thành viên các tổ công tác, đơn vị và nội dung mỗi người phụ trách.",
        "Working-group members, the units and plan items each follows.",
    ),
    "templates.help.criteria": (
        "Các tiêu chí của bảng điểm thi đua và điểm tối đa.",
        "The scorecard criteria and their maximum points.",
    ),
    "templates.help.scores": (
        "Điểm từng tiêu chí của mỗi đơn vị trong kỳ; các đơn vị đã điền sẵn.",
        "Points per criterion of each unit in the period; the units are pre-filled.",
    ),
    "templates.help.reports": (
        "Tình trạng từng nội dung kế hoạch, số liệu hoạt động, khó khăn, đề xuất của đơn vị đặc thù.",
        "Plan-item statuses, activity figures, difficulties and proposals of the special units.",
    ),
    "templates.help.support": (
        "Việc cần làm để hỗ trợ từng đơn vị: nội dung kế hoạch, người phụ trách, hạn, trạng thái, kết quả; "
        "sheet thứ hai: cán bộ tăng cường.",
        "What is to be done to support each unit: plan item, owner, due date, status, result; "
        "second sheet: reinforcement staff.",
    ),
    "templates.help.meetings": (
        "Mỗi cuộc họp của tổ công tác: ngày, có mặt, vắng, đơn vị được bàn, kết luận, giải pháp.",
        "Each meeting of a working group: date, present, absent, units discussed, conclusions, solutions.",
    ),
    "share.title": ("Chia sẻ liên kết trang này", "Share a link to this view"),
    "share.caption": (
        "Liên kết mở lại đúng trang, đơn vị, quý và bộ lọc đang xem. Chép liên kết hoặc quét mã QR.",
        "The link reopens exactly this page, unit, quarter and filters. Copy it or scan the QR code.",
    ),
    "share.present_link": ("Liên kết trình chiếu:", "Presentation link:"),
    "share.scan": (
        "Quét mã QR hoặc mở liên kết để xem trang này trên điện thoại:",
        "Scan the QR code or open the link to follow this view on your phone:",
    ),
    "nav.groups": ("Tổ công tác", "Working groups"),
    "nav.clusters": ("Cụm", "Clusters"),
    "nav.upload": ("Tải lên", "Upload"),
    "nav.history": ("Lịch sử", "History"),
    "nav.settings": ("Cài đặt", "Settings"),
    "auth.not_configured": (
        "Chưa cấu hình mật khẩu biên tập nên chưa ai tải lên hay sửa được. Người quản trị hãy tạo mã băm bằng lệnh "
        '“python -m doandata hash-password” và đặt vào .streamlit/secrets.toml (editor_password_hash = "…") '
        "hoặc biến môi trường DOANDATA_EDITOR_PASSWORD_HASH (xem README).",
        "No editor password is configured, so nobody can upload or edit yet. An administrator creates a hash with "
        '“python -m doandata hash-password” and puts it in .streamlit/secrets.toml (editor_password_hash = "…") '
        "or the DOANDATA_EDITOR_PASSWORD_HASH environment variable (see the README).",
    ),
    "auth.sign_in_here": ("Người biên tập: đăng nhập để sửa", "Editors: sign in to edit"),
    "auth.editors_only": (
        "Trang này dành cho người biên tập. Hãy đăng nhập bằng mật khẩu biên tập.",
        "This page is for editors. Sign in with the editor password.",
    ),
    "auth.name": ("Họ tên người biên tập (ghi vào lịch sử)", "Editor's name (kept in the history)"),
    "auth.password": ("Mật khẩu biên tập", "Editor password"),
    "auth.sign_in": ("Đăng nhập", "Sign in"),
    "auth.name_needed": (
        "Hãy ghi họ tên để lịch sử biết ai đã tải lên.",
        "Write your name so the history says who uploaded.",
    ),
    "auth.wrong": (
        "Mật khẩu không đúng. Hãy chờ {seconds} giây rồi thử lại.",
        "Wrong password. Wait {seconds} {seconds:second|seconds} and try again.",
    ),
    "auth.signed_in": ("Đang biên tập: {name}", "Editing as {name}"),
    "auth.sign_out": ("Đăng xuất", "Sign out"),
    "upload.header": ("Tải lên bảng điểm, báo cáo quý", "Upload a scorecard or quarterly report"),
    "upload.templates": (
        "Chưa có mẫu? Tải mẫu của {period}, điền rồi tải lên tại đây.",
        "No template yet? Download the one for {period}, fill it in and upload it here.",
    ),
    "upload.other_templates": ("Các mẫu khác", "Other templates"),
    "upload.other_templates_help": ("Danh sách đơn vị, tổ công tác, bộ tiêu chí", "Units, working groups, criteria"),
    "upload.period": ("Kỳ của tệp", "Period of the file"),
    "upload.period_auto": (
        "Tự nhận từ tệp (tiêu đề, tên sheet, tên tệp)",
        "From the file (title, sheet name, file name)",
    ),
    "upload.drop": (
        "Chọn hoặc kéo thả tệp Excel (.xlsx, .xls) hay LibreOffice (.ods)",
        "Choose or drop an Excel (.xlsx, .xls) or LibreOffice (.ods) file",
    ),
    "upload.drop_help": (
        "Tệp chỉ được lưu sau khi bạn xem kết quả kiểm tra và bấm Xác nhận.",
        "Nothing is stored until you have seen the check and pressed Confirm.",
    ),
    "upload.recognised": ("Ứng dụng đọc được", "What the app read"),
    "upload.summary": (
        "{kinds} — kỳ {periods} — {rows} dòng, {units} đơn vị.",
        "{kinds} — period {periods} — {rows} {rows:row|rows}, {units} {units:unit|units}.",
    ),
    "upload.problems": (
        "Có {errors} lỗi và {warnings} lưu ý.",
        "{errors} {errors:error|errors} and {warnings} {warnings:warning|warnings}.",
    ),
    "upload.marked": ("Tải tệp đã đánh dấu các ô cần sửa", "Download the file with the cells to fix marked"),
    "upload.fix_then_retry": (
        "Tệp có lỗi nên chưa lưu gì. Hãy sửa các ô được đánh dấu rồi tải lên lại.",
        "The file has errors, so nothing was stored. Fix the marked cells and upload again.",
    ),
    "upload.changes": ("Những gì sẽ thay đổi", "What will change"),
    "upload.changes_count": (
        "{moved} đơn vị có điểm mới hoặc thay đổi, {same} đơn vị giữ nguyên.",
        "{moved} {moved:unit gets a new or changed total|units get new or changed totals}, {same} {same:stays|stay} "
        "the same.",
    ),
    "upload.changes_rows": (
        "{rows} dòng của {units} đơn vị sẽ được lưu.",
        "{rows} {rows:row|rows} of {units} {units:unit|units} will be stored.",
    ),
    "upload.confirm": ("Xác nhận lưu", "Confirm and store"),
    "upload.stored": (
        "Đã lưu lần tải lên #{id}: {file} — {periods} — {added} dòng mới, {replaced} dòng thay thế — "
        "{by}, {when}. Các biểu đồ đã cập nhật.",
        "Stored upload #{id}: {file} — {periods} — {added} new rows, {replaced} replaced — {by}, {when}. "
        "The charts are up to date.",
    ),
    "col.severity": ("Mức độ", "Severity"),
    "col.sheet": ("Sheet", "Sheet"),
    "col.row": ("Dòng", "Row"),
    "col.unit": ("Đơn vị", "Unit"),
    "col.column": ("Cột", "Column"),
    "col.what_to_do": ("Nội dung, cách sửa", "What to do"),
    "col.period": ("Kỳ", "Period"),
    "col.old_total": ("Tổng điểm hiện tại", "Total now"),
    "col.new_total": ("Tổng điểm mới", "New total"),
    "col.old_rating": ("Xếp loại hiện tại", "Rating now"),
    "col.new_rating": ("Xếp loại mới", "New rating"),
    "history.header": ("Lịch sử tải lên và khôi phục", "Upload and restore history"),
    "history.empty": ("Chưa có lần tải lên nào.", "No upload yet."),
    "history.viewer_note": (
        "Người biên tập đăng nhập ở trang Tải lên để khôi phục một trạng thái trước đây.",
        "Editors sign in on the Upload page to restore an earlier state.",
    ),
    "history.restore_header": ("Khôi phục trạng thái trước một lần tải lên", "Restore the state before an upload"),
    "history.restore_pick": ("Lần tải lên", "Upload"),
    "history.restore_sure": (
        "Tôi hiểu: số liệu sẽ trở lại như trước lần #{id}; việc khôi phục được ghi vào lịch sử và có thể hoàn tác.",
        "I understand: the figures go back to how they were before #{id}; the restore is recorded and can be undone.",
    ),
    "history.restore_button": ("Khôi phục trạng thái trước lần #{id}", "Restore the state before #{id}"),
    "history.restored": (
        "Đã khôi phục trạng thái trước lần tải lên #{id} (mục lịch sử #{entry}). Các biểu đồ đã cập nhật.",
        "Restored the state before upload #{id} (history entry #{entry}). The charts are up to date.",
    ),
    "history.active": ("Đang dùng", "In use"),
    "history.undone": ("Đã hoàn tác", "Undone"),
    "history.action_import": ("Tải lên: {kinds}", "Upload: {kinds}"),
    "history.action_seed": ("Dữ liệu mẫu: {kinds}", "Sample data: {kinds}"),
    "history.action_settings": ("Đổi cài đặt", "Settings changed"),
    "history.action_unseed": ("Gỡ dữ liệu mẫu: {kinds}", "Sample data removed: {kinds}"),
    "history.action_upgrade": (
        "Nâng cấp phiên bản: thang xếp loại theo lời của Kế hoạch (Yếu < Trung bình < Khá < Tiên tiến < Vững mạnh "
        "< Xuất sắc) và tỷ lệ kỳ vọng 30/60/100/100 % theo mốc sơ kết, tổng kết (chỉ những gì chưa ai sửa)",
        "Upgrade: the rating scale in the plan's words (Weak < Average < Fair < Advanced < Strong < Excellent) "
        "and expected shares 30/60/100/100 % by the reviews (only what no one had edited)",
    ),
    "history.action_rollback": ("Khôi phục trước #{id}", "Restore before #{id}"),
    "history.action_edit": ("Sửa trên ứng dụng: {kinds}", "Edited in the app: {kinds}"),
    "col.when": ("Thời gian", "When"),
    "col.by": ("Người thực hiện", "By"),
    "col.action": ("Việc", "What"),
    "col.file": ("Tệp", "File"),
    "col.rows_added": ("Dòng mới", "Rows added"),
    "col.rows_replaced": ("Dòng thay thế", "Rows replaced"),
    "col.state": ("Trạng thái", "State"),
    "settings.header": ("Cài đặt quy tắc theo dõi", "Tracking rules"),
    "settings.caption": (
        "Thay đổi được kiểm tra, lưu, ghi vào lịch sử (có thể khôi phục) và áp dụng ngay cho mọi trang.",
        "Changes are checked, stored, recorded in the history (and can be restored) and apply to every page at once.",
    ),
    "settings.years": ("Năm kế hoạch", "Plan year"),
    "settings.plan_year": ("Năm kế hoạch", "Plan year"),
    "settings.baseline_year": ("Năm gốc để so sánh", "Baseline year"),
    "settings.scale": (
        "Thang xếp loại (điểm tối thiểu của từng mức, thang 100)",
        "Rating scale (minimum total of each level, of 100)",
    ),
    "settings.progress": ("Tiến độ", "Progress"),
    "settings.band": ("Biên “cần chú ý” (điểm dưới kỳ vọng)", "“Needs attention” band (points below expected)"),
    "settings.rec_levels": (
        "Công nhận tiến bộ: tăng ít nhất (bậc xếp loại)",
        "Recognised progress: at least (rating levels up)",
    ),
    "settings.rec_points": ("hoặc tăng ít nhất (điểm)", "or at least (points up)"),
    "settings.plan": ("Kế hoạch được trích dẫn trong báo cáo", "The plan the reports cite"),
    "settings.plan_note": (
        "Báo cáo ghi: Kế hoạch số … ngày … của Ban Thường vụ Đoàn Khối về …",
        "The reports cite it as: Plan No. … of … of the bloc's Standing Committee on …",
    ),
    "settings.signer": ("Người ký báo cáo", "Who signs the reports"),
    "settings.signer_note": (
        "Dòng “TM.”, chức vụ và họ tên ở cuối báo cáo gửi Thường trực; để trống dòng “TM.” và chức vụ thì dùng "
        "chữ mặc định, để trống họ tên thì chừa chỗ viết tay.",
        "The “on behalf of” line, the title and the name at the foot of the reports to the standing office; left "
        "empty, the first two are the usual wording and the name is left blank for handwriting.",
    ),
    "settings.signer_on_behalf": ("Dòng “TM.”", "“On behalf of” line"),
    "settings.signer_title": ("Chức vụ (BÍ THƯ, PHÓ BÍ THƯ)", "Title (SECRETARY, DEPUTY SECRETARY)"),
    "settings.signer_name": ("Họ tên người ký", "Signer's name"),
    "settings.plan_number": ("Số kế hoạch", "Plan number"),
    "settings.plan_date": ("Ngày ban hành", "Date issued"),
    "settings.plan_title": ("Trích yếu (sau chữ “về”)", "Subject (after “on”)"),
    "settings.bad_plan": ("Cần ghi số và trích yếu của kế hoạch.", "The plan needs a number and a subject."),
    "settings.milestones": ("Mốc tiến độ", "Milestones"),
    "settings.ms_name": ("Mốc", "Milestone"),
    "settings.ms_date": ("Ngày", "Date"),
    "settings.ms_note": ("Ghi chú", "Note"),
    "settings.targets": ("Mục tiêu riêng của đơn vị (nếu khác mức mặc định)", "Targets set for single units"),
    "settings.save": ("Lưu cài đặt", "Save the settings"),
    "settings.saved": (
        "Đã lưu cài đặt (mục lịch sử #{entry}). Mọi trang đã áp dụng quy tắc mới.",
        "Settings saved (history entry #{entry}). Every page uses the new rules.",
    ),
    "settings.bad_years": (
        "Năm gốc phải trước năm kế hoạch (ví dụ 2018 so với 2017).",
        "The baseline year must come before the plan year.",
    ),
    "settings.bad_scale": (
        "Thang xếp loại phải bắt đầu từ 0 và tăng dần, không quá 100.",
        "The scale must start at 0 and rise, up to 100.",
    ),
    "settings.scale_note": (
        "Tên các bậc theo Kế hoạch (Tiên tiến, Khá là các bậc còn yếu). Không có ngưỡng điểm chính thức: các "
        "ngưỡng dưới đây là mặc định, Ban Tổ chức sửa cho phù hợp. Đổi tên một bậc thì xếp loại đã lưu vẫn đọc đúng.",
        "The level names follow the plan (Advanced and Fair are the weaker levels). There are no official "
        "thresholds: these are defaults the office edits. Ratings already stored still read after a renaming.",
    ),
    "settings.level_name": ("Bậc {n}", "Level {n}"),
    "settings.level_minimum": ("{name}: từ điểm", "{name}: from"),
    "settings.weak_levels": (
        "Xếp loại năm 2017 được coi là khó khăn (được theo dõi)",
        "2017 ratings counted as weak (followed)",
    ),
    "settings.weak_levels_help": (
        "Đơn vị đặc thù luôn được theo dõi; đơn vị có xếp loại năm 2017 thuộc các bậc này cũng được theo dõi.",
        "Special units are always followed; units whose 2017 rating is one of these are followed too.",
    ),
    "settings.bad_scale_names": (
        "Mỗi bậc xếp loại cần một tên, không trùng với bậc khác.",
        "Each rating level needs a name of its own.",
    ),
    "settings.bad_weak_levels": (
        "Chọn các bậc được coi là khó khăn trong thang xếp loại, và chừa lại ít nhất bậc cao nhất.",
        "Choose the weak levels from the scale, leaving at least the top level out.",
    ),
    "settings.bad_fractions": (
        "Tỷ lệ các quý phải từ 0% đến 100% và không giảm.",
        "Quarter shares must lie between 0% and 100% and not fall.",
    ),
    "settings.bad_band": ("Biên “cần chú ý” phải từ 0 đến 50 điểm.", "The band must lie between 0 and 50 points."),
    "settings.bad_recognised": (
        "Ngưỡng công nhận tiến bộ phải từ 1 bậc và từ 0,5 đến 100 điểm.",
        "Recognition needs at least 1 level and between 0.5 and 100 points.",
    ),
    "settings.bad_milestones": ("Mỗi mốc cần có tên và ngày.", "Each milestone needs a name and a date."),
    "settings.bad_target_unit": ("Không có đơn vị {code}.", "There is no unit {code}."),
    "settings.bad_target": (
        "Mục tiêu của {code} phải từ 0 đến 100 điểm.",
        "The target of {code} must lie between 0 and 100.",
    ),
    "nav.reports": ("Báo cáo", "Reports"),
    "reports.header": ("Báo cáo Thường trực, sơ kết, tổng kết", "Reports for the standing office"),
    "reports.caption": (
        "Văn bản Word theo thể thức văn bản của Đoàn (tiêu đề, số, ngày, nơi nhận, chữ ký) và bảng Excel cùng "
        "số liệu với biểu đồ để chỉnh sửa tiếp.",
        "A Word document in the Youth Union's layout (heading, number, date, recipients, signature) and an "
        "Excel workbook with the same tables and charts to rework.",
    ),
    "reports.which": ("Báo cáo", "Report"),
    "reports.midyear": ("Sơ kết 6 tháng (06/2018, số liệu quý I–II)", "Mid-year review (06/2018, Q1–Q2 figures)"),
    "reports.final": ("Tổng kết (10/2018, số liệu quý I–III)", "Final review (10/2018, Q1–Q3 figures)"),
    "reports.number": ("Số văn bản", "Document number"),
    "reports.date": ("Ngày ký", "Date of signing"),
    "reports.signer": ("Người ký", "Signed by"),
    "reports.code": ("Ký hiệu văn bản", "Document code"),
    "reports.blank_help": ("Để trống để viết tay khi ký.", "Leave empty to fill in by hand."),
    "reports.make": ("Lập báo cáo", "Make the report"),
    "reports.making": ("Đang lập báo cáo…", "Making the report…"),
    "reports.ready": ("Báo cáo đã sẵn sàng để tải về.", "The report is ready to download."),
    "reports.get_docx": ("Tải văn bản Word (.docx)", "Download the Word document (.docx)"),
    "reports.get_xlsx": ("Tải bảng Excel (.xlsx)", "Download the Excel workbook (.xlsx)"),
    # report floods and an empty store (builds.py, bao_cao.py, cli report)
    "reports.waiting": (
        "Máy chủ đang lập các báo cáo khác; báo cáo của bạn sẽ được lập khi đến lượt, xin chờ giây lát.",
        "Other reports are being made; yours will be made when its turn comes. Please wait.",
    ),
    "reports.empty": (
        "Chưa có dữ liệu để lập báo cáo: chưa có đơn vị nào được tải lên. Biên tập viên tải danh sách đơn vị"
        " và bảng điểm lên ở trang Tải lên; các mẫu để điền có ở trang Mẫu biểu.",
        "There is nothing to report yet: no unit has been uploaded. Editors upload the list of units and the"
        " scorecards on the Upload page; the templates to fill in are on the Templates page.",
    ),
    "cli.report_empty": (
        "Kho dữ liệu chưa có đơn vị nào nên chưa lập được báo cáo; hãy nhập danh sách đơn vị và bảng điểm trước"
        " (python -m doandata template units -o danh_sach.xlsx, rồi python -m doandata import TỆP).",
        "The store holds no unit yet, so there is nothing to report; import the list of units and the scorecards"
        " first (python -m doandata template units -o units.xlsx, then python -m doandata import FILE).",
    ),
    "filter.quarter": ("Quý", "Quarter"),
    "filter.cluster": ("Cụm", "Cluster"),
    "filter.cluster_all": ("Tất cả các cụm", "All clusters"),
    "filter.group": ("Tổ công tác", "Working group"),
    "filter.group_all": ("Tất cả các tổ", "All groups"),
    "filter.shown": ("Nhóm đơn vị", "Units shown"),
    "filter.shown_help": (
        "Kế hoạch theo dõi đơn vị đặc thù và đơn vị khó khăn (xếp loại năm 2017 từ Tiên tiến trở xuống, "
        "chỉnh trong Cài đặt). Chọn “Tất cả đơn vị” để so sánh với các đơn vị khác.",
        "The plan follows the special units and the weak ones (2017 rating Advanced or lower, set in "
        "Settings). Choose “All units” to compare with the others.",
    ),
    "shown.followed": ("Đơn vị được theo dõi (đặc thù, khó khăn)", "Followed units (special, weak)"),
    "shown.all": ("Tất cả đơn vị", "All units"),
    "shown.dac_thu": ("Chỉ đơn vị đặc thù", "Special units only"),
    "shown.kho_khan": ("Chỉ đơn vị khó khăn", "Weak units only"),
    "group.dac_thu": ("Đặc thù", "Special"),
    "group.kho_khan": ("Khó khăn", "Weak"),
    "group.other": ("Đơn vị khác", "Other units"),
    "filter.language": ("Ngôn ngữ", "Language"),
    "filter.unit": ("Đơn vị", "Unit"),
    "cluster.label": ("Cụm {n}", "Cluster {n}"),
    "group.label": ("Tổ {n}", "Group {n}"),
    "overview.header": ("Tổng quan tiến độ — {period}", "Progress overview — {period}"),
    "overview.caption": ("{subject} — so với kết quả năm {baseline}.", "{subject} — against their {baseline} results."),
    "set.followed": (
        "{n} đơn vị được theo dõi: {dac_thu} đặc thù, {kho_khan} khó khăn",
        "{n} followed {n:unit|units}: {dac_thu} special, {kho_khan} weak",
    ),
    "set.all": (
        "Tất cả {n} đơn vị: {dac_thu} đặc thù, {kho_khan} khó khăn, {other} đơn vị khác",
        "All {n} {n:unit|units}: {dac_thu} special, {kho_khan} weak, {other} other",
    ),
    "set.dac_thu": ("{n} đơn vị đặc thù", "{n} special {n:unit|units}"),
    "set.kho_khan": ("{n} đơn vị khó khăn", "{n} weak {n:unit|units}"),
    "col.unit_group": ("Nhóm theo dõi", "Followed as"),
    "metric.on_track": ("Đúng tiến độ", "On track"),
    "metric.at_risk": ("Cần chú ý", "Needs attention"),
    "metric.behind": ("Chậm tiến độ", "Behind"),
    "metric.recognised": ("Công nhận tiến bộ", "Recognised progress"),
    "metric.no_data": ("Chưa có số liệu", "No data"),
    "overview.bullets_cut": (
        "Biểu đồ hiện {shown} đơn vị chậm nhất trong {n} đơn vị; bảng số liệu bên dưới có đủ.",
        "The chart shows the {shown} {shown:unit|units} furthest behind of {n}; the table below has them all.",
    ),
    "overview.items_cut": (
        "Hiện {shown} đơn vị ít nội dung hoàn thành nhất trong {n} đơn vị.",
        "Showing the {shown} {shown:unit|units} with the fewest items done, of {n}.",
    ),
    "overview.next_due": ("Mốc tiếp theo: **{name}** — {date}. {note}", "Next milestone: **{name}** — {date}. {note}"),
    "overview.plan_over": ("Các mốc của kế hoạch năm {year} đã qua.", "The milestones of the {year} plan are past."),
    "overview.recognised": ("Đơn vị đạt công nhận tiến bộ", "Units with recognised progress"),
    "overview.table": ("Bảng số liệu", "Figures"),
    # the overview's parts, one on screen at a time (#17)
    "overview.part_label": ("Xem phần", "Show"),
    "overview.part.tien-do": ("Tiến độ", "Progress"),
    "overview.part.ho-tro": ("Công tác hỗ trợ", "Support given"),
    "overview.part.noi-dung": ("Nội dung kế hoạch", "Plan items"),
    "overview.part.xep-loai": ("Xếp loại, công nhận", "Ratings, recognition"),
    "overview.part.moc": ("Mốc kế hoạch", "Milestones"),
    "overview.part.bang": ("Bảng số liệu", "Figures"),
    "overview.no_followed": ("Không có đơn vị được theo dõi trong lựa chọn này.", "No followed unit in this choice."),
    "overview.empty": (
        "Chưa có dữ liệu. Hãy tải mẫu Danh sách đơn vị ở trang **Mẫu biểu**, điền vào, rồi tải lên ở trang "
        "**Tải lên** (cần đăng nhập người biên tập); sau đó là Tổ công tác, Bộ tiêu chí, Bảng điểm và Báo cáo quý.",
        "No data yet. Download the unit list template on the **Templates** page, fill it in and upload it on the "
        "**Upload** page (editors sign in); then the working groups, criteria, scorecards and quarterly reports.",
    ),
    "overview.no_units": (
        "Không có đơn vị nào khớp bộ lọc. Hãy bỏ bớt bộ lọc ở thanh bên.",
        "No unit matches the filters. Clear some filters in the sidebar.",
    ),
    "scale.note": (
        "Thang xếp loại là mặc định do Văn phòng đặt (không có ngưỡng chính thức công bố): {scale}.",
        "The rating scale is the office's default (no official thresholds published): {scale}.",
    ),
    "col.unit_code": ("Mã đơn vị", "Unit code"),
    "col.unit_name": ("Tên đơn vị", "Unit"),
    "col.cluster": ("Cụm", "Cluster"),
    "col.total": ("Tổng điểm", "Total"),
    "col.rating": ("Xếp loại", "Rating"),
    "col.baseline_total": ("Điểm 2017", "2017 score"),
    "col.baseline_rating": ("Xếp loại 2017", "2017 rating"),
    "col.delta": ("Tăng/giảm", "Change"),
    "col.target_total": ("Mục tiêu", "Target"),
    "col.expected_total": ("Kỳ vọng", "Expected"),
    "col.status": ("Tiến độ", "Status"),
    "col.recognised": ("Công nhận tiến bộ", "Recognised"),
    "col.items_done": ("Nội dung hoàn thành", "Items done"),
    "col.criterion": ("Tiêu chí", "Criterion"),
    "col.max_points": ("Điểm tối đa", "Max points"),
    "col.points": ("Điểm", "Points"),
    "col.baseline_points": ("Điểm 2017", "2017 points"),
    "col.change": ("Thay đổi", "Change"),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    "unit.caption": ("Mã {code} · Cụm {cluster} · {kind}", "Code {code} · Cluster {cluster} · {kind}"),
    "unit.kind_dac_thu": ("Đơn vị đặc thù, được theo dõi", "Special unit, followed"),
    "unit.kind_kho_khan": (
        "Đơn vị khó khăn (xếp loại năm 2017), được theo dõi",
        "Weak unit (its 2017 rating), followed",
    ),
    "unit.kind_other": ("Không thuộc diện theo dõi", "Not followed"),
    "unit.companion_item": ("{item} — đến {period}: {status}.", "{item} — up to {period}: {status}."),
    "unit.companion_no_lines": (
        "Báo cáo quý của đơn vị chưa nhắc đến hoạt động đồng hành.",
        "The unit's quarterly reports do not mention the companionship yet.",
    ),
    "unit.accompanies": ("Đơn vị này đồng hành với: {names}.", "This unit accompanies: {names}."),
    "unit.criteria": (
        "Điểm theo tiêu chí — {period} so với {baseline}",
        "Points by criterion — {period} against {baseline}",
    ),
    "unit.none": (
        "Chưa có đơn vị nào. Hãy tải Danh sách đơn vị lên ở trang **Tải lên** (mẫu có ở trang **Mẫu biểu**).",
        "No unit yet. Upload the unit list on the **Upload** page (its template is on the **Templates** page).",
    ),
    "sample.banner": (
        "Đang hiển thị dữ liệu mẫu (số liệu minh họa, không phải kết quả thật). Gỡ dữ liệu mẫu ở trang Lịch sử.",
        "Showing the sample data (illustrative figures, not real results). Remove it on the History page.",
    ),
    "sample.remove_header": ("Gỡ dữ liệu mẫu", "Remove the sample data"),
    "sample.remove_text": (
        "Gỡ toàn bộ dữ liệu mẫu ({n} lần tải lên) để bắt đầu với số liệu thật. Những gì đã tải lên sau đó vẫn "
        "giữ nguyên. Việc gỡ là một mục lịch sử: có thể khôi phục lại như mọi mục khác.",
        "Remove all the sample data ({n} {n:upload|uploads}) to start on real figures. What was uploaded since "
        "stays. The removal is a history entry: it can be undone like any other.",
    ),
    "sample.remove_sure": ("Tôi muốn gỡ dữ liệu mẫu", "I want to remove the sample data"),
    "sample.remove_button": ("Gỡ dữ liệu mẫu", "Remove the sample data"),
    "sample.removed": (
        "Đã gỡ dữ liệu mẫu (mục lịch sử #{entry}). Muốn lấy lại: khôi phục trạng thái trước mục #{entry}.",
        "The sample data is removed (history entry #{entry}). To bring it back: restore before #{entry}.",
    ),
    "unit.recognised": (
        "Đơn vị đạt mức công nhận tiến bộ ở {period}.",
        "The unit qualifies for recognised progress in {period}.",
    ),
    "unit.moved": (
        "Tăng nhiều nhất: {up} ({up_by}); giảm nhiều nhất: {down} ({down_by}) so với năm gốc.",
        "Biggest rise: {up} ({up_by}); biggest fall: {down} ({down_by}) against the baseline.",
    ),
    "unit.gap_header": ("Khoảng cách đến mức xếp loại kế tiếp", "Gap to the next rating"),
    "unit.gap": (
        "Cần thêm **{needed} điểm** để đạt **{next}**. Các tiêu chí còn nhiều điểm có thể phấn đấu:",
        "**{needed} more points** reach **{next}**. Criteria with the most points left to win:",
    ),
    "unit.gap_top": ("Đơn vị đã ở mức xếp loại cao nhất.", "The unit is at the top rating."),
    "unit.gap_no_data": ("Chưa có điểm của quý này.", "No scores for this quarter yet."),
    "unit.people_header": ("Người theo dõi từng nội dung", "Who follows each item"),
    "unit.people_none": (
        "Chưa phân công thành viên tổ công tác theo dõi đơn vị này.",
        "No working-group member follows this unit yet.",
    ),
    "unit.companion_header": ("Đơn vị đồng hành", "Companion unit"),
    "unit.companion": (
        "{name} ({code}): {total} điểm, {rating}.",
        "{name} ({code}): {total} {total:point|points}, {rating}.",
    ),
    "unit.companion_none": ("Chưa có đơn vị đồng hành.", "No companion unit yet."),
    "unit.reports_header": ("Báo cáo quý của đơn vị", "The unit's quarterly reports"),
    "unit.reports_none": ("Chưa có báo cáo quý nào.", "No quarterly report yet."),
    "unit.report_of": ("{period} — họp tổ {date} — {reporter}", "{period} — meeting {date} — {reporter}"),
    "report.difficulties": ("Khó khăn - tồn tại", "Difficulties"),
    "report.proposals": ("Đề xuất - kiến nghị", "Proposals"),
    "report.models": ("Mô hình hiệu quả", "Effective models"),
    "report.activities": ("Số hoạt động", "Activities"),
    "report.participants": ("Lượt đoàn viên tham gia", "Member participations"),
    "report.trained": ("Cán bộ được tập huấn", "Cadres trained"),
    "report.admitted": ("Đoàn viên kết nạp mới", "New members"),
    "report.funds": ("Kinh phí vận động", "Funds raised"),
    "plan.RS": ("Rà soát đội ngũ cán bộ Đoàn", "Review of cadres"),
    "plan.KT": ("Kiện toàn tổ chức, bộ máy", "Consolidating the organisation"),
    "plan.TH": ("Bồi dưỡng, tập huấn cán bộ", "Training of cadres"),
    "plan.LT": ("Liên tịch với Cấp ủy", "Joint programme with the party committee"),
    "plan.CSVC": ("Đầu tư cơ sở vật chất", "Facilities"),
    "plan.PT": ("Phong trào, chăm lo đoàn viên", "Movement activities, care for members"),
    "plan.KP": ("Vận động kinh phí", "Funds raised"),
    "plan.DH": ("Cụm đồng hành", "Cluster companionship"),
    "col.room": ("Còn có thể đạt thêm", "Points left to win"),
    "col.group": ("Tổ", "Group"),
    "col.member": ("Thành viên", "Member"),
    "col.role": ("Vai trò", "Role"),
    "col.title": ("Chức vụ", "Title"),
    "col.follows": ("Nội dung theo dõi", "Follows"),
    "col.units": ("Đơn vị phụ trách", "Units"),
    "groups.header": ("Tổ công tác — {period}", "Working groups — {period}"),
    "groups.none": (
        "Chưa có danh sách tổ công tác. Hãy tải lên tệp Tổ công tác.",
        "No working groups yet. Upload the working-group workbook.",
    ),
    "groups.group": ("Tổ công tác số {n} — Tổ trưởng: {leader}", "Working group {n} — leader: {leader}"),
    "groups.no_units": ("Tổ chưa được phân công đơn vị nào.", "The group follows no unit yet."),
    "groups.units": ("Đơn vị tổ phụ trách", "Units the group follows"),
    "groups.reports": ("Báo cáo quý đã nộp (đến {period})", "Quarterly reports received (up to {period})"),
    "groups.orphans": (
        "Đơn vị khó khăn, đặc thù chưa có tổ công tác phụ trách",
        "Followed units no working group is assigned to",
    ),
    "groups.orphans_note": (
        "Kế hoạch giao Ban Tổ chức chuẩn bị nhân sự tăng cường hỗ trợ các đơn vị này (mục III.2.2).",
        "The plan asks the Organisation department to staff support for these units (III.2.2).",
    ),
    "groups.came": ("đã nộp", "received"),
    "groups.not_came": ("chưa nộp", "missing"),
    "groups.missing": (
        "Còn {n} báo cáo quý chưa nộp. Hãy nhắc đơn vị gửi báo cáo.",
        "{n} quarterly reports are missing. Remind the units to send them.",
    ),
    "clusters.header": ("Các cụm và đơn vị đồng hành — {period}", "Clusters and companion units — {period}"),
    "clusters.cluster": ("Cụm {n} — cụm trưởng: {leader}", "Cluster {n} — leader: {leader}"),
    "clusters.pairs_cut": (
        "Biểu đồ hiện {shown} cặp chậm nhất trong {n} cặp; bảng bên dưới có đủ.",
        "The chart shows the {shown} {shown:pair|pairs} furthest behind of {n}; the table has them all.",
    ),
    "clusters.summary": ("Tổng hợp theo cụm", "Clusters at a glance"),
    "clusters.pick_one": (
        "Chọn một cụm ở thanh bên để xem từng đơn vị của cụm.",
        "Pick a cluster in the sidebar to see its units.",
    ),
    "col.leader": ("Cụm trưởng", "Cluster leader"),
    "col.units_count": ("Số đơn vị", "Units"),
    "col.special_count": ("Đơn vị đặc thù", "Special units"),
    "col.mean_total": ("Điểm bình quân", "Mean total"),
    "col.mean_delta": ("Tăng/giảm bình quân", "Mean change"),
    "col.companion_total": ("Điểm đơn vị đồng hành", "Companion's total"),
    "col.pair_note": ("Lưu ý", "Note"),
    "pair.other_cluster": ("đơn vị đồng hành khác cụm", "the companion is in another cluster"),
    "pair.not_strong": (
        "đơn vị đồng hành chưa đạt Vững mạnh, Xuất sắc năm 2017",
        "the companion was not Strong or Excellent in 2017",
    ),
    "clusters.pairs_note": (
        "⚠: cặp đồng hành khác với Kế hoạch (II.3 chọn đơn vị Vững mạnh, Xuất sắc trong cùng cụm); xem cột Lưu ý.",
        "⚠: a pair other than the plan asks (II.3 picks a Strong or Excellent unit of the same cluster); see Note.",
    ),
    "unit.metrics_total": ("Tổng điểm {period}", "Total {period}"),
    "unit.metrics_baseline": ("Điểm {year}", "{year} score"),
    "unit.metrics_target": ("Mục tiêu", "Target"),
    "unit.metrics_status": ("Tiến độ", "Status"),
    # ------------------------------------------------------------ the report as a document (reports.py)
    # The administrative parts (QĐ 367, HD 29): who issues it, number, place and date, signature.
    "doc.superior": ("THÀNH ĐOÀN TP. HỒ CHÍ MINH", "HO CHI MINH CITY YOUTH UNION"),
    "doc.issuer": ("BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP", "EXECUTIVE COMMITTEE OF THE DÂN - CHÍNH - ĐẢNG BLOC"),
    "doc.number": ("Số: {number}-{code}", "No. {number}-{code}"),
    "doc.union": ("ĐOÀN TNCS HỒ CHÍ MINH", "HO CHI MINH COMMUNIST YOUTH UNION"),
    "doc.place": ("TP. Hồ Chí Minh", "Ho Chi Minh City"),
    "doc.place_date": ("{place}, ngày {day} tháng {month} năm {year}", "{place}, {day}/{month}/{year}"),
    "doc.place_date_blank": ("{place}, ngày     tháng     năm {year}", "{place},      /     /{year}"),
    "doc.recipients_title": ("Nơi nhận:", "To:"),
    "doc.recipients": (
        "Thành Đoàn: Ban CNLĐ, Ban TC, Ban Tuyên giáo\nĐảng ủy Khối: TT, Ban DV, Ban TC\n"
        "Cấp ủy các cơ sở Đoàn có tên\nCác cơ sở Đoàn có tên\nLưu VP",
        "City Youth Union: Workers' Board, Organisation Board, Propaganda Board\n"
        "The bloc's Party Committee: standing office, Mass Mobilisation Board, Organisation Board\n"
        "The Party committees of the units named\nThe units named\nFiled at the office",
    ),
    "doc.on_behalf": ("TM. BAN THƯỜNG VỤ ĐOÀN KHỐI", "FOR THE STANDING COMMITTEE OF THE BLOC"),
    "doc.signer_title": ("BÍ THƯ", "SECRETARY"),
    # The title and the subtitle of each kind of report.
    "doc.title.quarter": ("BÁO CÁO", "REPORT"),
    "doc.title.midyear": ("BÁO CÁO SƠ KẾT", "MID-YEAR REVIEW"),
    "doc.title.final": ("BÁO CÁO TỔNG KẾT", "FINAL REVIEW"),
    "doc.plan": (
        "Kế hoạch hỗ trợ công tác Đoàn và phong trào thanh niên các cơ sở Đoàn khó khăn, đặc thù năm {year}",
        "the {year} plan to support Union work and the youth movement in difficult and special grassroots units",
    ),
    # the plan as the documents cite it, from settings (number, date, subject)
    "doc.plan_cited": (
        "Kế hoạch số {number} ngày {date} của Ban Thường vụ Đoàn Khối về {title}",
        "Plan No. {number} of {date} of the bloc's Standing Committee on {title}",
    ),
    # a quarter mid-sentence ("đến hết quý II/2018") and at the end of the subject ("quý III năm 2018")
    # ({quarter}: the Roman numeral in Vietnamese, the digit in English)
    "doc.period": ("quý {quarter}/{year}", "Q{quarter} {year}"),
    "doc.period.subject": ("quý {quarter} năm {year}", "Q{quarter} {year}"),
    "doc.subtitle.quarter": ("Kết quả thực hiện {plan} {period}", "Results of {plan} in {period}"),
    "doc.subtitle.midyear": ("6 tháng đầu năm {year} thực hiện {plan}", "The first half of {year} under {plan}"),
    "doc.subtitle.final": ("Kết quả thực hiện {plan}", "Results of {plan}"),
    # I. General situation
    "doc.general": ("I. TÌNH HÌNH CHUNG", "I. GENERAL SITUATION"),
    "doc.general.text": (
        "Ban Thường vụ Đoàn Khối theo dõi {n} "
        "đơn vị ({dac_thu} đơn vị đặc thù, {kho_khan} đơn vị khó khăn) qua bảng điểm thi đua, báo cáo quý của các đơn vị "
        "và báo cáo của các tổ công tác. Đến hết {period}: {on_track} đơn vị "
        "đúng tiến độ, {at_risk} đơn vị cần chú ý, {behind} đơn vị chậm tiến độ{no_data}; {recognised} đơn vị đạt "
        "mức công nhận tiến bộ so với năm {baseline}.",
        "The bloc's Standing Committee "
        "follows {n} {n:unit|units} ({dac_thu} special, {kho_khan} weak) through the emulation scorecards, the units' "
        "quarterly reports and the working groups' reports. "
        "By the end of {period}: {on_track} {on_track:unit|units} on track, {at_risk} needing attention, {behind} behind{no_data}; "
        "{recognised} {recognised:unit qualifies|units qualify} for recognised progress against {baseline}.",
    ),
    "doc.general.no_data": (", {n} đơn vị chưa có số liệu", ", {n} without figures yet"),
    "doc.general.reports": (
        "{span}, đã nhận {n} báo cáo quý của các đơn vị.",
        "{span}, {n} quarterly {n:report|reports} came in from the units.",
    ),
    # the time the activity figures add up: a quarter, or a review's months from January
    "doc.span.quarter": ("Trong {period}", "In {period}"),
    "doc.span.review": ("Trong {months} tháng đầu năm {year}", "In the first {months} {months:month|months} of {year}"),
    "doc.no_charts": (
        "(Không xuất được biểu đồ: máy chủ cần trình duyệt Chromium để vẽ hình.)",
        "(The charts could not be drawn: the server needs the Chromium browser to render them.)",
    ),
    # II. Results
    "doc.results": ("II. KẾT QUẢ THỰC HIỆN", "II. RESULTS"),
    "doc.results.scorecards": ("1. Kết quả bảng điểm thi đua", "1. Emulation scorecards"),
    "doc.results.sections": ("Điểm bình quân theo nhóm tiêu chí:", "Mean points by criteria section:"),
    "doc.results.organisation": ("2. Công tác tổ chức, cán bộ", "2. Organisation and cadres"),
    "doc.results.item": (
        "- {item}: {done} đơn vị hoàn thành, {in_progress} đơn vị đang thực hiện, {not_started} đơn vị chưa thực hiện.",
        "- {item}: {done} {done:unit|units} done, {in_progress} in progress, {not_started} not started.",
    ),
    "doc.results.movement": (
        "3. Hoạt động phong trào, chăm lo đoàn viên",
        "3. Movement activities and care for members",
    ),
    "doc.results.activity": (
        "{span}, các đơn vị tổ chức {activities} hoạt động với {participants} lượt đoàn viên tham gia; {trained} cán "
        "bộ được tập huấn; kết nạp {admitted} đoàn viên mới; vận động {funds} đồng kinh phí hoạt động.",
        "{span}, the units held {activities} {activities:activity|activities} with {participants} member "
        "{participants:participation|participations}; {trained} {trained:cadre|cadres} trained; {admitted} new "
        "{admitted:member|members} admitted; {funds} dong raised for activities.",
    ),
    "doc.results.companions": ("4. Cụm đồng hành", "4. Cluster companionship"),
    # III–VII
    "doc.by_status": ("5. Đơn vị theo tiến độ", "5. Units by progress"),
    "doc.by_status.line": ("- {status} ({n}): {names}.", "- {status} ({n}): {names}."),
    "doc.by_status.none": ("không có", "none"),
    "doc.assessment": ("III. ĐÁNH GIÁ CHUNG", "III. OVERALL ASSESSMENT"),
    "doc.recognition": ("IV. ĐỀ XUẤT TUYÊN DƯƠNG, KHEN THƯỞNG", "IV. PROPOSED PRAISE AND REWARDS"),
    "doc.recognition.recognised": (
        "1. Đề xuất công nhận tiến bộ ({n} đơn vị):",
        "1. Proposed for recognised progress ({n} {n:unit|units}):",
    ),
    "doc.recognition.unit": (
        "- {unit}: {before} → {after} điểm ({change}), xếp loại {rating_before} → {rating_after}.",
        "- {unit}: score {before} → {after} ({change}), rated {rating_before} → {rating_after}.",
    ),
    "doc.recognition.unit_points": (
        "- {unit}: {before} → {after} điểm ({change}), giữ xếp loại {rating}.",
        "- {unit}: score {before} → {after} ({change}), still rated {rating}.",
    ),
    "doc.recognition.commended": ("2. Đề xuất tuyên dương, khen thưởng", "2. Proposed for praise and rewards"),
    "doc.voices": ("7. Khó khăn và đề xuất của các đơn vị", "7. The units' difficulties and proposals"),
    "doc.voices.none": ("Chưa có báo cáo quý nào trong kỳ.", "No quarterly report in the period yet."),
    "doc.models": ("6. Mô hình hiệu quả cần nhân rộng", "6. Effective models to spread"),
    "doc.models.line": ("- {unit} ({period}): {model}", "- {unit} ({period}): {model}"),
    "doc.models.none": ("Chưa có mô hình nào được báo cáo.", "No model has been reported yet."),
    "doc.tasks": ("V. NHIỆM VỤ TRONG THỜI GIAN TỚI", "V. TASKS AHEAD"),
    "doc.task.behind": (
        "Các tổ công tác làm việc trực tiếp với Cấp ủy và Ban Chấp hành các đơn vị chậm tiến độ ({units}), xác định "
        "nguyên nhân và giải pháp cụ thể.",
        "The working groups meet the party committees and executive committees of the units behind ({units}) to "
        "find the causes and concrete solutions.",
    ),
    "doc.task.at_risk": (
        "Theo dõi sát các đơn vị cần chú ý ({units}), hỗ trợ hoàn thành các tiêu chí còn thấp điểm.",
        "Follow the units needing attention closely ({units}) and help them with their low-scoring criteria.",
    ),
    "doc.task.idle": (
        "Đẩy mạnh các nội dung kế hoạch phần lớn đơn vị chưa thực hiện: {items}.",
        "Push the plan items most units have not started: {items}.",
    ),
    "doc.task.meeting": (
        "Tổ chức họp tổ công tác {period}, tổng hợp báo cáo Thường trực Đoàn Khối.",
        "Hold the working-group meetings of {period} and report to the bloc's standing office.",
    ),
    "doc.task.models": (
        "Nhân rộng các mô hình hiệu quả; đề xuất tuyên dương các đơn vị, cá nhân thực hiện tích cực.",
        "Spread the effective models; propose commendation for the units and people who did most.",
    ),
    # The prose parts drafted from the figures (drafts.py, #16); editors edit them on Báo cáo.
    "doc.draft.opening": (
        "Thực hiện {plan}, Ban Thường vụ Đoàn Khối báo cáo {what} như sau:",
        "Under {plan}, the bloc's Standing Committee reports {what}, as follows:",
    ),
    "doc.draft.opening.quarter": ("kết quả thực hiện {period}", "the results of {period}"),
    "doc.draft.opening.midyear": (
        "sơ kết 6 tháng đầu năm {year} thực hiện Kế hoạch",
        "the mid-year review of the first half of {year} under the plan",
    ),
    "doc.draft.opening.final": (
        "tổng kết việc thực hiện Kế hoạch năm {year}",
        "the final review of the plan in {year}",
    ),
    "doc.draft.advantages": ("1. Thuận lợi", "1. Advantages"),
    "doc.draft.deployed": (
        "Kế hoạch được Ban Thường vụ Đoàn Khối triển khai đến các cơ sở Đoàn; {groups} tổ công tác được phân công "
        "theo dõi, hỗ trợ {n} đơn vị ({dac_thu} đơn vị đặc thù, {kho_khan} đơn vị khó khăn).",
        "The bloc's Standing Committee deployed the plan to the grassroots units; {groups} working "
        "{groups:group follows|groups follow} and {groups:supports|support} {n} {n:unit|units} ({dac_thu} special, "
        "{kho_khan} weak).",
    ),
    "doc.draft.met": (
        "{span}, các tổ công tác đã họp {meetings} lượt; Ban Thường vụ đã nhận {reports} báo cáo quý của các đơn vị.",
        "{span}, the working groups met {meetings} {meetings:time|times}; the Standing Committee received {reports} "
        "quarterly {reports:report|reports} from the units.",
    ),
    "doc.draft.on_track": (
        "Đến hết {period}, {n} đơn vị đúng tiến độ; {recognised} đơn vị đạt mức công nhận tiến bộ so với năm "
        "{baseline}.",
        "By the end of {period}, {n} {n:unit is|units are} on track; {recognised} {recognised:unit qualifies|units "
        "qualify} for recognised progress against {baseline}.",
    ),
    "doc.draft.actions_done": (
        "Các đơn vị đã hoàn thành {done}/{n} việc trong phương án hỗ trợ.",
        "The units have done {done} of the {n} {n:action|actions} of their support plans.",
    ),
    "doc.draft.difficulties": ("2. Khó khăn", "2. Difficulties"),
    "doc.draft.units_behind": ("{n} đơn vị chậm tiến độ: {names}.", "{n} {n:unit is|units are} behind: {names}."),
    "doc.draft.units_at_risk": ("{n} đơn vị cần chú ý: {names}.", "{n} {n:unit needs|units need} attention: {names}."),
    "doc.draft.missing": (
        "{n} đơn vị chưa gửi báo cáo {period}: {names}.",
        "{n} {n:unit has|units have} not sent {n:its|their} {period} report: {names}.",
    ),
    "doc.draft.overdue": (
        "{n} việc hỗ trợ quá hạn tính đến hết {period}.",
        "{n} support {n:action was|actions were} overdue at the end of {period}.",
    ),
    "doc.draft.voices": (
        "Khó khăn các đơn vị nêu trong báo cáo {period} ({n} đơn vị):",
        "The difficulties the units wrote in their reports for {period} ({n} {n:unit|units}):",
    ),
    "doc.draft.voices_more": (
        "- Và {n} đơn vị khác (chi tiết tại mục 7 phần II).",
        "- And {n} other {n:unit|units} (see item 7 of part II).",
    ),
    "doc.draft.no_difficulties": (
        "Chưa ghi nhận khó khăn nổi bật trong kỳ.",
        "No notable difficulty was reported in the period.",
    ),
    "doc.draft.strengths": ("1. Ưu điểm", "1. Strengths"),
    "doc.draft.strength.progress": (
        "Các tổ công tác bám sát đơn vị; đến hết {period}, {on_track}/{n} đơn vị đúng tiến độ, {recognised} đơn vị "
        "đạt mức công nhận tiến bộ.",
        "The working groups stayed close to their units; by the end of {period}, {on_track} of the {n} {n:unit|units} are on "
        "track and {recognised} {recognised:qualifies|qualify} for recognised progress.",
    ),
    "doc.draft.strength.sections": (
        "Điểm bình quân tăng ở các nhóm tiêu chí: {sections}.",
        "The mean points rose in the criteria sections: {sections}.",
    ),
    "doc.draft.strength.item": (
        "Nội dung được thực hiện tốt nhất là {item}, {n} đơn vị đã hoàn thành.",
        "The plan item done best is {item}: {n} {n:unit has|units have} done it.",
    ),
    "doc.draft.strength.models": (
        "{n} đơn vị có mô hình hiệu quả có thể nhân rộng ({units}).",
        "{n} {n:unit has|units have} an effective model worth spreading ({units}).",
    ),
    "doc.draft.weaknesses": ("2. Hạn chế", "2. Weaknesses"),
    "doc.draft.weakness.units": (
        "Còn {n} đơn vị chậm tiến độ hoặc cần chú ý: {names}.",
        "{n} {n:unit is|units are} still behind or needing attention: {names}.",
    ),
    "doc.draft.weakness.sections": (
        "Điểm bình quân giảm ở các nhóm tiêu chí: {sections}.",
        "The mean points fell in the criteria sections: {sections}.",
    ),
    "doc.draft.weakness.items": (
        "Phần lớn đơn vị chưa thực hiện các nội dung: {items}.",
        "Most units have not started: {items}.",
    ),
    "doc.draft.weakness.follow_up": (
        "Việc theo dõi, đôn đốc chưa thường xuyên: {missing} đơn vị chưa gửi báo cáo quý, {overdue} việc hỗ trợ quá hạn.",
        "Follow-up was not regular enough: {missing} {missing:unit has|units have} not sent the quarterly report, "
        "{overdue} support {overdue:action is|actions are} overdue.",
    ),
    "doc.draft.weakness.none": (
        "Chưa có hạn chế nổi bật; cần duy trì nhịp độ hỗ trợ.",
        "No notable weakness; the pace of support is to be kept.",
    ),
    "doc.draft.causes": ("3. Nguyên nhân", "3. Causes"),
    "doc.draft.cause.objective": (
        "Khách quan: {n} đơn vị nêu khó khăn trong báo cáo quý, như: {said}.",
        "Objective: {n} {n:unit|units} wrote of difficulties in the quarterly reports, such as: {said}.",
    ),
    "doc.draft.cause.objective_none": (
        "Khách quan: đặc thù hoạt động của các đơn vị, đoàn viên ít và thường xuyên biến động.",
        "Objective: the units' particular work, few members who often change.",
    ),
    "doc.draft.cause.subjective": (
        "Chủ quan: một số Cấp ủy, Ban Chấp hành cơ sở chưa quan tâm đúng mức; việc phối hợp giữa tổ công tác và đơn "
        "vị có lúc chưa chặt chẽ.",
        "Subjective: some Party committees and executive committees did not give it enough attention; the working "
        "groups and the units did not always work closely together.",
    ),
    "doc.draft.lessons": ("4. Bài học kinh nghiệm", "4. Lessons learned"),
    "doc.draft.lesson.committee": (
        "Có sự quan tâm, lãnh đạo sát sao của Cấp ủy và Ban Thường vụ; phân công rõ người, rõ việc, rõ thời hạn.",
        "Close attention and leadership of the Party committees and the Standing Committee; clear people, tasks and "
        "deadlines.",
    ),
    "doc.draft.lesson.groups": (
        "Tổ công tác bám sát đơn vị, họp định kỳ hằng quý, kịp thời tháo gỡ khó khăn.",
        "Working groups close to their units, meeting every quarter, removing difficulties in time.",
    ),
    "doc.draft.lesson.companions": (
        "Phát huy vai trò đơn vị đồng hành trong cụm và nhân rộng các mô hình hiệu quả.",
        "Make the most of the companion units in each cluster and spread the effective models.",
    ),
    "doc.draft.lesson.figures": (
        "Cập nhật đầy đủ, kịp thời bảng điểm và báo cáo quý để đánh giá đúng tiến độ.",
        "Keep the scorecards and quarterly reports complete and on time to judge progress rightly.",
    ),
    "doc.draft.candidate": (
        "{unit}: đạt mức công nhận tiến bộ ({before} → {after} điểm) và đúng tiến độ",
        "{unit}: recognised progress ({before} → {after} {after:point|points}) and on track",
    ),
    "doc.draft.commend": (
        "Ban Thường vụ Đoàn Khối đề xuất tuyên dương, khen thưởng {n} tập thể, cá nhân có thành tích trong thực hiện Kế hoạch:",
        "The bloc's Standing Committee proposes praise and rewards for {n} {n:unit or person|units and people} "
        "who did well under the plan:",
    ),
    "doc.draft.commend.none": (
        "Trong kỳ chưa có đơn vị đạt tiến bộ và đúng tiến độ để đề xuất tuyên dương, khen thưởng.",
        "No unit has recognised progress and is on track in the period: none is proposed for praise yet.",
    ),
    # Editing the report's prose on Báo cáo and with report-text (#16)
    "texts.header": ("Lời văn của báo cáo", "The report's wording"),
    "texts.caption": (
        "Các phần lời văn được soạn sẵn từ số liệu. Người biên tập sửa và lưu từng phần; báo cáo tải về dùng lời "
        "văn đã sửa, mỗi dòng một đoạn. Xóa hết chữ rồi lưu (hoặc bấm “Về bản nháp”) để dùng lại bản nháp.",
        "Each part is drafted from the figures. Editors edit and save each part; the downloaded report prints "
        "the edited text, one paragraph a line. Save an empty text (or click “Back to the draft”) to use the "
        "draft again.",
    ),
    "texts.sign_in": (
        "Người biên tập đăng nhập (ô “Người biên tập: đăng nhập để sửa” ngay dưới đây) để sửa lời văn.",
        "Editors sign in (“Editors: sign in to edit” just below) to edit the wording.",
    ),
    "texts.part.opening": ("Mở đầu (căn cứ kế hoạch)", "Opening (the plan it follows)"),
    "texts.part.situation": ("I. Tình hình: thuận lợi, khó khăn", "I. Situation: advantages, difficulties"),
    "texts.part.results": (
        "II. Kết quả: đoạn mở đầu (trước các bảng số liệu)",
        "II. Results: the opening (before the tables)",
    ),
    "texts.part.assessment": (
        "III. Đánh giá chung: ưu điểm, hạn chế, nguyên nhân, bài học kinh nghiệm",
        "III. Assessment: strengths, weaknesses, causes, lessons",
    ),
    "texts.part.commendation": ("IV. Đề xuất tuyên dương, khen thưởng", "IV. Proposed praise and rewards"),
    "texts.part.tasks": ("V. Nhiệm vụ thời gian tới", "V. Tasks ahead"),
    "texts.part.recipients": ("Nơi nhận (mỗi dòng một nơi)", "Recipients (one a line)"),
    "texts.draft": ("Bản nháp soạn từ số liệu", "Draft from the figures"),
    "texts.edited": ("Đã sửa: {by}, {at}", "Edited by {by}, {at}"),
    "texts.save": ("Lưu", "Save"),
    "texts.revert": ("Về bản nháp", "Back to the draft"),
    "texts.saved": ("Đã lưu lời văn (lần sửa #{entry}).", "The wording is saved (entry #{entry})."),
    "texts.reverted": ("Đã dùng lại bản nháp (lần sửa #{entry}).", "Back to the draft (entry #{entry})."),
    "texts.unchanged": ("Không có gì thay đổi.", "Nothing changed."),
    "texts.kind.quarter": ("báo cáo quý", "quarterly report"),
    "texts.kind.midyear": ("báo cáo sơ kết", "mid-year review"),
    "texts.kind.final": ("báo cáo tổng kết", "final review"),
    "history.action_report_text": ("Sửa lời văn {report}", "Wording of the {report} edited"),
    "cli.help.report_text": (
        "in hoặc sửa lời văn các phần của báo cáo (mở đầu, tình hình, kết quả, đánh giá, khen thưởng, nhiệm vụ, "
        "nơi nhận)",
        "print or set the wording of a report's parts (opening, situation, results, assessment, commendation, "
        "tasks, recipients)",
    ),
    "cli.help.report_kind": (
        "loại báo cáo: quarter, midyear (sơ kết), final (tổng kết); mặc định theo --period",
        "the report: quarter, midyear, final; by default as --period says",
    ),
    "cli.help.report_part": ("phần: {parts}", "the part: {parts}"),
    "cli.help.set_file": (
        "tệp văn bản UTF-8 chứa lời văn mới của phần (tệp rỗng: về bản nháp)",
        "a UTF-8 text file with the part's new wording (an empty file: back to the draft)",
    ),
    "cli.help.by_editor": ("người biên tập sửa lời văn", "the editor who sets the wording"),
    "cli.part_unknown": (
        "Không có phần “{value}”. Chọn một trong: {allowed}.",
        "No part “{value}”. Choose one of: {allowed}.",
    ),
    "cli.part_needed": (
        "Cần --part (một trong: {allowed}) khi có --set-file.",
        "--set-file needs --part (one of: {allowed}).",
    ),
    "cli.cannot_read": ("Không đọc được tệp {file}: {reason}", "Cannot read {file}: {reason}"),
    "cli.text_saved": (
        "Đã lưu lời văn phần {part} (lần sửa #{entry}).",
        "Saved the wording of {part} (entry #{entry}).",
    ),
    "cli.text_same": ("Lời văn phần {part} không thay đổi.", "The wording of {part} is unchanged."),
    "cli.text_edited": ("đã sửa: {by}, {at}", "edited by {by}, {at}"),
    "cli.text_draft": ("bản nháp", "draft"),
    # Table columns, sheets and charts (the Word tables and the Excel workbook)
    "doc.col.unit": ("Đơn vị", "Unit"),
    "doc.col.unit_code": ("Mã đơn vị", "Unit code"),
    "doc.col.special_unit": ("Đơn vị được theo dõi", "Followed unit"),
    "doc.col.companion": ("Đơn vị đồng hành", "Companion unit"),
    "doc.col.companion_points": ("Điểm đơn vị đồng hành", "Companion's total"),
    "doc.col.cluster": ("Cụm", "Cluster"),
    "doc.col.points": ("Điểm", "Points"),
    "doc.col.points_in": ("Điểm {year}", "{year} total"),
    "doc.col.points_now": ("Điểm kỳ này", "Total this period"),
    "doc.col.total": ("Tổng điểm", "Total"),
    "doc.col.change": ("Tăng/giảm", "Change"),
    "doc.col.rating": ("Xếp loại", "Rating"),
    "doc.col.rating_in": ("Xếp loại {year}", "{year} rating"),
    "doc.col.rating_now": ("Xếp loại kỳ này", "Rating this period"),
    "doc.col.expected": ("Kỳ vọng", "Expected"),
    "doc.col.target": ("Mục tiêu", "Target"),
    "doc.col.status": ("Tiến độ", "Progress"),
    "doc.col.recognised": ("Công nhận tiến bộ", "Recognised progress"),
    "doc.col.commended": ("Đề xuất tuyên dương", "Proposed for commendation"),
    "doc.col.units": ("Số đơn vị", "Units"),
    "doc.col.section": ("Nhóm tiêu chí", "Criteria section"),
    "doc.col.max_points": ("Điểm tối đa", "Max points"),
    "doc.col.year": ("Năm {year}", "{year}"),
    "doc.col.this_period": ("Kỳ này", "This period"),
    "doc.col.item": ("Nội dung", "Plan item"),
    "doc.col.difficulties": ("Khó khăn - tồn tại", "Difficulties"),
    "doc.col.proposals": ("Đề xuất - kiến nghị", "Proposals"),
    "doc.col.period": ("Kỳ", "Period"),
    "doc.col.model": ("Mô hình", "Model"),
    "doc.col.number": ("STT", "No."),
    "doc.col.task": ("Nhiệm vụ", "Task"),
    "doc.col.activity": ("Hoạt động phong trào, chăm lo đoàn viên", "Movement activities and care for members"),
    "doc.col.reports": ("Báo cáo quý đã nhận", "Quarterly reports received"),
    "doc.col.activities": ("Số hoạt động", "Activities"),
    "doc.col.participants": ("Lượt đoàn viên tham gia", "Member participations"),
    "doc.col.trained": ("Cán bộ được tập huấn", "Cadres trained"),
    "doc.col.admitted": ("Đoàn viên mới kết nạp", "New members admitted"),
    "doc.col.funds": ("Kinh phí vận động (đồng)", "Funds raised (dong)"),
    "doc.col.figure": ("Chỉ tiêu", "Figure"),
    "doc.col.value": ("Số liệu", "Value"),
    "doc.sheet.summary": ("Tổng hợp", "Summary"),
    "doc.sheet.units": ("Đơn vị", "Units"),
    "doc.sheet.by_status": ("Theo tiến độ", "By progress"),
    "doc.sheet.recognised": ("Công nhận tiến bộ", "Recognised progress"),
    "doc.sheet.sections": ("Theo nội dung", "By section"),
    "doc.sheet.items": ("Nội dung kế hoạch", "Plan items"),
    "doc.sheet.companions": ("Cụm đồng hành", "Companions"),
    "doc.sheet.voices": ("Khó khăn - đề xuất", "Difficulties - proposals"),
    "doc.sheet.models": ("Mô hình hiệu quả", "Effective models"),
    "doc.sheet.tasks": ("Nhiệm vụ", "Tasks"),
    "doc.heading.units": (
        "Kết quả bảng điểm các đơn vị khó khăn, đặc thù",
        "Scorecard results of the followed units (special, weak)",
    ),
    "doc.heading.by_status": ("Đơn vị theo tiến độ", "Units by progress"),
    "doc.heading.recognised": ("Đề xuất công nhận tiến bộ", "Proposed for recognised progress"),
    "doc.heading.sections": ("Điểm bình quân theo nhóm tiêu chí", "Mean points by criteria section"),
    "doc.heading.items": ("Tình trạng các nội dung kế hoạch", "State of the plan items"),
    "doc.heading.companions": ("Đơn vị được theo dõi và đơn vị đồng hành", "Followed units and their companions"),
    "doc.heading.voices": ("Khó khăn và đề xuất của các đơn vị", "The units' difficulties and proposals"),
    "doc.heading.models": ("Mô hình hiệu quả cần nhân rộng", "Effective models to spread"),
    "doc.heading.tasks": ("Nhiệm vụ trong thời gian tới", "Tasks ahead"),
    "doc.chart.by_status": ("Số đơn vị theo tiến độ", "Units by progress"),
    "doc.chart.units": ("Điểm {period} so với năm {year}", "{period} total against {year}"),
    "doc.chart.points": ("Điểm (thang 100)", "Points (of 100)"),
    # ------------------------------------------------------------ charts
    "chart.points": ("Điểm (thang 100)", "Points (of 100)"),
    "chart.overview_title": (
        "Điểm {period} so với năm {baseline}, kỳ vọng và mục tiêu",
        "{period} score against {baseline}, expected and target",
    ),
    "chart.total": ("Tổng điểm {period}", "Total {period}"),
    "chart.baseline": ("Điểm năm {baseline}", "{baseline} score"),
    "chart.expected": ("Kỳ vọng {period}", "Expected {period}"),
    "chart.target": ("Mục tiêu", "Target"),
    "chart.unit_title": ("Tổng điểm theo kỳ — {name}", "Total by period — {name}"),
    "chart.unit_total": ("Tổng điểm", "Total"),
    "chart.unit_expected": ("Kỳ vọng (lộ trình đến mục tiêu)", "Expected (path to target)"),
    "chart.after_final": ("cuối năm, sau tổng kết", "year end, after the final review"),
    "chart.criteria_title": (
        "Điểm từng tiêu chí: {period} và năm {baseline}",
        "Points per criterion: {period} and {baseline}",
    ),
    "chart.max": ("Điểm tối đa", "Maximum"),
    "chart.timeline_title": ("Các mốc tiến độ của kế hoạch năm {year}", "Plan milestones {year}"),
    "chart.today": ("Hôm nay", "Today"),
    "chart.transition_title": (
        "Xếp loại năm {baseline} → {period} (số đơn vị)",
        "Rating {baseline} → {period} (units)",
    ),
    "chart.transition_hover": ("%{y} → %{x}: %{z} đơn vị", "%{y} → %{x}: %{z} units"),
    "chart.rating_now": ("Xếp loại {period}", "Rating {period}"),
    "chart.rating_then": ("Xếp loại năm {baseline}", "Rating {baseline}"),
    "chart.items_title": ("Tình trạng các nội dung kế hoạch — đến {period}", "Plan items — up to {period}"),
    "chart.unit_items_title": ("Nội dung kế hoạch qua các quý", "Plan items quarter by quarter"),
    "chart.pairs_title": (
        "Đơn vị được theo dõi và đơn vị đồng hành — {period}",
        "Followed units and their companions — {period}",
    ),
    "chart.special_unit": ("Đơn vị được theo dõi", "Followed unit"),
    "chart.companion": ("Đơn vị đồng hành", "Companion unit"),
    # ------------------------------------------------------------ the meeting face: small things
    "table.empty": ("Không có dòng nào.", "No rows."),
    "chart.no_data": ("Chưa có số liệu — {title}", "No data yet — {title}"),
    "nav.unknown_page": (
        "Không tìm thấy trang “{page}”; đây là trang Tổng quan.",
        "There is no page “{page}”; this is the overview.",
    ),
    "milestone.deploy": ("Triển khai kế hoạch", "Plan launched"),
    "milestone.meeting_q1": ("Họp tổ công tác quý I", "Working group meeting, Q1"),
    "milestone.meeting_q2": ("Họp tổ công tác quý II", "Working group meeting, Q2"),
    "milestone.meeting_q3": ("Họp tổ công tác quý III", "Working group meeting, Q3"),
    "milestone.meeting_q4": ("Họp tổ công tác quý IV", "Working group meeting, Q4"),
    "milestone.midyear": ("Sơ kết", "Mid-year review"),
    "milestone.final": ("Tổng kết", "Final review"),
    "milestone_note.deploy": ("Triển khai đến các cơ sở Đoàn", "Passed on to every Youth Union base"),
    "milestone_note.meeting_q1": ("Họp tổ, báo cáo Thường trực", "Groups meet and report to the Standing Committee"),
    "milestone_note.meeting_q2": ("Họp tổ, báo cáo Thường trực", "Groups meet and report to the Standing Committee"),
    "milestone_note.meeting_q3": ("Họp tổ, báo cáo Thường trực", "Groups meet and report to the Standing Committee"),
    "milestone_note.meeting_q4": ("Họp tổ, báo cáo Thường trực", "Groups meet and report to the Standing Committee"),
    "milestone_note.midyear": (
        "Kỳ vọng: khép lại 60% khoảng cách đến mục tiêu",
        "Expected: 60% of the gap to the target closed",
    ),
    "milestone_note.final": (
        "Kỳ vọng: đạt mục tiêu (số liệu đến hết quý III)",
        "Expected: the target reached (figures up to the end of Q3)",
    ),
    "upload.drop_note": (
        "Kéo tệp vào ô dưới đây hoặc bấm “Chọn tệp” (.xlsx, .xlsm, .xls, .ods). Tối đa {limit} MB một tệp.",
        "Drag a file into the box below or click “Choose a file” (.xlsx, .xlsm, .xls, .ods). "
        "At most {limit} MB a file.",
    ),
    "upload.choose_file": ("Chọn tệp", "Choose a file"),
    "settings.fraction_percent": (
        "Phần khoảng cách cần khép lại đến quý {q} (%)",
        "Share of the gap closed by Q{q} (%)",
    ),
    "settings.saved_value": (
        "Đang lưu: {value}. Ô nhập ghi số thập phân bằng dấu chấm (2.5 là 2,5).",
        "Saved: {value}. The box writes decimals with a point (2.5).",
    ),
    # ------------------------------------------------------------ support work seen and done in the app (#15)
    "support.header": ("Phương án hỗ trợ", "Support plan"),
    "support.none": (
        "Chưa có phương án hỗ trợ cho đơn vị này. Tải lên Phương án hỗ trợ (mẫu ở trang Mẫu biểu).",
        "No support plan for this unit yet. Upload a support plan (the template is on Templates).",
    ),
    "support.assessment": ("Đánh giá ban đầu", "Starting assessment"),
    "support.agreed": ("Thống nhất với Cấp ủy ngày {date}", "Agreed with the Party committee on {date}"),
    "support.agreed_undated": ("Thống nhất với Cấp ủy (chưa ghi ngày)", "Agreed with the Party committee (no date)"),
    "support.counts": (
        "{n} việc: {done} hoàn thành, {open} chưa hoàn thành, trong đó {overdue} quá hạn (tính đến {day}).",
        "{n} {n:action|actions}: {done} done, {open} open, {overdue} of them overdue (at {day}).",
    ),
    "support.overdue_note": (
        "Quá hạn không nhập tay: việc chưa hoàn thành mà hạn trước {day} là quá hạn.",
        "Overdue is never typed: an action not done and due before {day} is overdue.",
    ),
    "support.actions": ("Các việc hỗ trợ", "Support actions"),
    "support.reinforcements": ("Cán bộ tăng cường", "Reinforcement staff"),
    "support.reinforcements_none": (
        "Không có cán bộ tăng cường cho đơn vị này.",
        "No reinforcement staff for this unit.",
    ),
    "support.meetings": ("Các cuộc họp tổ đã bàn về đơn vị", "Working-group meetings that discussed the unit"),
    "support.meetings_none": (
        "Chưa có biên bản họp tổ nào bàn về đơn vị này.",
        "No working-group minutes discuss this unit yet.",
    ),
    "support.meeting_of": ("Tổ {group} — họp ngày {date} — {place}", "Group {group} — met on {date} — {place}"),
    "support.present": ("Có mặt", "Present"),
    "support.absent": ("Vắng", "Absent"),
    "support.units": ("Đơn vị được bàn", "Units discussed"),
    "support.conclusions": ("Kết luận", "Conclusions"),
    "support.solutions": ("Giải pháp đề xuất", "Solutions proposed"),
    "support.linked": ("Việc do cuộc họp này giao hoặc điều chỉnh", "Actions this meeting set or changed"),
    "support.state_done": ("Hoàn thành", "Done"),
    "support.state_open": ("Chưa hoàn thành", "Open"),
    "support.state_overdue": ("Quá hạn", "Overdue"),
    "support.edit": ("Cập nhật việc hỗ trợ", "Update an action"),
    "support.edit_pick": ("Việc cần cập nhật", "Action to update"),
    "support.edit_status": ("Tình trạng", "Status"),
    "support.edit_result": ("Kết quả", "Result"),
    "support.edit_evidence": ("Minh chứng (nội dung hoặc đường dẫn)", "Evidence (text or a link)"),
    "support.edit_save": ("Lưu cập nhật", "Save the update"),
    "support.edit_saved": (
        "Đã lưu cập nhật việc số {number} của {unit}: mục lịch sử #{entry} (hoàn tác được ở trang Lịch sử).",
        "Saved the update of action {number} of {unit}: history entry #{entry} (it can be undone on History).",
    ),
    "support.edit_unchanged": ("Không có gì thay đổi, chưa lưu gì.", "Nothing changed; nothing was saved."),
    "support.edit_viewer": (
        "Người biên tập đăng nhập (ô “Người biên tập: đăng nhập để sửa” ngay dưới đây) để cập nhật tình trạng, kết quả và minh chứng của từng việc.",
        "Editors sign in (“Editors: sign in to edit” just below) to update each action's status, result and evidence.",
    ),
    "col.action_no": ("Số", "No."),
    "col.action_text": ("Việc cần làm", "What is to be done"),
    "col.owner": ("Phụ trách", "Owner"),
    "col.partner": ("Phối hợp", "Partner"),
    "col.due": ("Hạn", "Due"),
    "col.action_state": ("Tình trạng", "Status"),
    "col.result": ("Kết quả", "Result"),
    "col.evidence": ("Minh chứng", "Evidence"),
    "col.name": ("Họ và tên", "Name"),
    "col.from_unit": ("Từ đơn vị", "From"),
    "col.start": ("Từ ngày", "From (date)"),
    "col.end": ("Đến ngày", "Until"),
    "col.task": ("Nhiệm vụ", "Task"),
    "col.meeting": ("Họp tổ", "Meeting"),
    "col.quarter": ("Quý", "Quarter"),
    "chart.actions_title": ("Các việc hỗ trợ theo hạn", "Support actions by due date"),
    "chart.actions_day": ("Hết {period}", "End of {period}"),
    "chart.actions_due": ("Hạn {date}", "Due {date}"),
    "groups.meetings": ("Họp tổ theo quý", "Quarterly meetings"),
    "groups.meeting_held": ("Đã họp {dates}", "Met on {dates}"),
    "groups.meeting_not_held": ("Chưa họp", "Not held"),
    "groups.actions": (
        "Việc hỗ trợ chưa hoàn thành — đến hết {period}",
        "Open support actions — at the end of {period}",
    ),
    "groups.actions_counts": (
        "{open} việc chưa hoàn thành, trong đó {overdue} quá hạn; {done} việc đã hoàn thành.",
        "{open} open {open:action|actions}, {overdue} of them overdue; {done} done.",
    ),
    "groups.reports_missing": ("Chưa nhận báo cáo {period} của: {names}.", "No {period} report yet from: {names}."),
    "groups.reports_all_in": (
        "Đã nhận đủ báo cáo {period} của các đơn vị tổ phụ trách.",
        "Every unit of the group has sent its {period} report.",
    ),
    "meeting.header": ("Ghi biên bản họp tổ", "Record a working-group meeting"),
    "meeting.group": ("Tổ công tác", "Working group"),
    "meeting.group_name": ("Tổ {n}", "Group {n}"),
    "meeting.date": ("Ngày họp", "Date"),
    "meeting.place": ("Địa điểm", "Place"),
    "meeting.save": ("Lưu cuộc họp", "Save the meeting"),
    "meeting.date_needed": ("Hãy chọn ngày họp.", "Choose the meeting's date."),
    "meeting.saved": (
        "Đã lưu cuộc họp của Tổ {group} ngày {date}: mục lịch sử #{entry} (hoàn tác được ở trang Lịch sử).",
        "Saved the meeting of group {group} on {date}: history entry #{entry} (it can be undone on History).",
    ),
    "overview.support": ("Công tác hỗ trợ — {period}", "Support work — {period}"),
    "overview.actions_done": ("Việc đã hoàn thành", "Actions done"),
    "overview.actions_overdue": ("Việc quá hạn", "Actions overdue"),
    "overview.groups_not_met": ("Tổ chưa họp trong quý", "Groups not met this quarter"),
    "overview.reports_missing": ("Báo cáo quý chưa nhận", "Quarterly reports missing"),
    "overview.support_caption": (
        "Tổ chưa họp: {groups}. Chưa nhận báo cáo {period} của: {names}.",
        "Groups not met: {groups}. No {period} report yet from: {names}.",
    ),
    "overview.nobody": ("không có", "none"),
    "reports.group_header": ("Báo cáo của tổ công tác", "A working group's report"),
    "reports.group_caption": (
        "Báo cáo quý của một tổ công tác gửi Thường trực: đơn vị, họp tổ, việc hỗ trợ, báo cáo còn thiếu, đề xuất.",
        "A working group's quarterly report to the standing office: units, meetings, actions, missing reports, "
        "proposals.",
    ),
    "reports.group_pick": ("Tổ công tác", "Working group"),
    "reports.group_quarter": ("Quý", "Quarter"),
    "reports.group_make": ("Lập báo cáo của tổ", "Make the group's report"),
    "reports.group_get": ("Tải báo cáo của tổ (.docx)", "Download the group's report (.docx)"),
    "cli.help.report_group": (
        "số tổ công tác: lập báo cáo quý của tổ (.docx) thay cho báo cáo của Ban Thường vụ",
        "a working group's number: write that group's quarterly report (.docx) instead of the committee's",
    ),
    "cli.group_unknown": (
        "Không có Tổ {group}; các tổ: {allowed}.",
        "There is no group {group}; the groups: {allowed}.",
    ),
    "cli.group_docx": (
        "Báo cáo của tổ công tác chỉ lập thành .docx; hãy ghi tên tệp kết thúc bằng .docx.",
        "A working group's report is written as .docx only; give a file name ending in .docx.",
    ),
    "doc.group.issuer": ("TỔ CÔNG TÁC SỐ {n}", "WORKING GROUP {n}"),
    "doc.group.superior": ("BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP", "EXECUTIVE COMMITTEE OF THE BLOC'S UNION"),
    "doc.group.title": ("BÁO CÁO", "REPORT"),
    "doc.group.subtitle": (
        "Hoạt động của Tổ công tác số {n} {period} thực hiện {plan}",
        "The work of working group {n} in {period} under {plan}",
    ),
    "doc.group.basis": (
        "Thực hiện {plan}, Tổ công tác số {n} báo cáo Thường trực Đoàn Khối kết quả hoạt động {period} như sau:",
        "Under {plan}, the work of working group {n} in {period}, as reported to the bloc's standing office:",
    ),
    "doc.group.units": ("I. ĐƠN VỊ TỔ PHỤ TRÁCH", "I. THE UNITS THE GROUP FOLLOWS"),
    "doc.group.units.text": (
        "Tổ phụ trách {n} đơn vị. Kết quả bảng điểm {period} và tiến độ của từng đơn vị:",
        "The group follows {n} {n:unit|units}. Each unit's {period} scorecard and progress:",
    ),
    "doc.group.meetings": ("II. HỌP TỔ", "II. MEETINGS"),
    "doc.group.meetings.none": (
        "Trong {period}, Tổ chưa họp (Kế hoạch yêu cầu họp mỗi quý).",
        "The group did not meet in {period} (the plan asks for a meeting every quarter).",
    ),
    "doc.group.meeting": (
        "Ngày {date}, tại {place}: có mặt {present}; vắng {absent}. Đơn vị được bàn: {units}.",
        "On {date}, at {place}: present {present}; absent {absent}. Units discussed: {units}.",
    ),
    "doc.group.conclusions": ("Kết luận: {text}", "Conclusions: {text}"),
    "doc.group.actions": ("III. CÁC VIỆC HỖ TRỢ", "III. SUPPORT ACTIONS"),
    "doc.group.actions.text": (
        "Đến hết {period}, phương án hỗ trợ các đơn vị của Tổ có {n} việc: {done} hoàn thành, "
        "{open} chưa hoàn thành, trong đó {overdue} quá hạn.",
        "At the end of {period} the support plans of the group's units hold {n} {n:action|actions}: {done} done, "
        "{open} open, {overdue} of them overdue.",
    ),
    "doc.group.actions.none": (
        "Chưa có phương án hỗ trợ nào cho các đơn vị của Tổ.",
        "No support plan for the group's units yet.",
    ),
    "doc.group.reports": ("IV. BÁO CÁO QUÝ CỦA CÁC ĐƠN VỊ", "IV. THE UNITS' QUARTERLY REPORTS"),
    "doc.group.reports.missing": ("Chưa nhận báo cáo {period} của: {names}.", "No {period} report yet from: {names}."),
    "doc.group.reports.all": (
        "Đã nhận đủ báo cáo {period} của các đơn vị.",
        "Every unit has sent its {period} report.",
    ),
    "doc.group.proposals": ("V. ĐỀ XUẤT, KIẾN NGHỊ", "V. PROPOSALS"),
    "doc.group.proposals.solution": ("- Họp tổ ngày {date}: {text}", "- Meeting of {date}: {text}"),
    "doc.group.proposals.unit": ("- {unit}: {text}", "- {unit}: {text}"),
    "doc.group.proposals.none": ("Chưa có đề xuất nào trong quý.", "No proposal in the quarter."),
    "doc.group.on_behalf": ("TM. TỔ CÔNG TÁC", "FOR THE WORKING GROUP"),
    "doc.group.signer_title": ("TỔ TRƯỞNG", "GROUP LEADER"),
    "doc.group.recipients": (
        "Thường trực Đoàn Khối (để báo cáo)\nBan Tổ chức Đoàn Khối\nLưu Tổ công tác",
        "The bloc's standing office (for information)\nThe Organisation department\nThe group's file",
    ),
    "doc.col.due": ("Hạn", "Due"),
    "doc.col.owner": ("Phụ trách", "Owner"),
    "doc.col.action": ("Việc cần làm", "Action"),
    "doc.col.action_state": ("Tình trạng", "Status"),
    "doc.col.report": ("Báo cáo quý", "Quarterly report"),
    "doc.support": (
        "Công tác hỗ trợ: phương án hỗ trợ các đơn vị có {n} việc; đến hết {period}, {done} việc hoàn thành, "
        "{overdue} việc quá hạn.",
        "Support work: the units' support plans hold {n} {n:action|actions}; at the end of {period} {done} are done "
        "and {overdue} overdue.",
    ),
    "doc.support.missing": (
        "Chưa nhận báo cáo {period} của {n} đơn vị: {names}.",
        "No {period} report yet from {n} {n:unit|units}: {names}.",
    ),
    "doc.support.all_in": (
        "Đã nhận đủ báo cáo {period} của các đơn vị được theo dõi.",
        "Every followed unit has sent its {period} report.",
    ),
    # ------------------------------------------------------------ the commendation proposal (#16, commendations.py)
    "error.commendation_refused": ("Không lưu được đề xuất khen thưởng.", "The commendation proposal was not stored."),
    "commend.refused.period": (
        "Kỳ “{value}” không hợp lệ. Các kỳ: {allowed}.",
        "Period “{value}” is not valid. Periods: {allowed}.",
    ),
    "commend.refused.decision": (
        "Quyết định “{value}” không hợp lệ. Chọn một trong: {allowed} (đề xuất, đồng ý, không đồng ý).",
        "Decision “{value}” is not valid. Choose one of: {allowed}.",
    ),
    "commend.refused.unknown": (
        "Không có “{value}” trong danh sách đề nghị. Các mã trong danh sách: {allowed}.",
        "“{value}” is not in the proposal. Its keys: {allowed}.",
    ),
    "commend.refused.ambiguous": (
        "“{value}” vừa là đơn vị tiến bộ vừa là đơn vị đồng hành: hãy chọn loại (--kind unit hoặc companion).",
        "“{value}” is both a unit and a companion: say which (--kind unit or companion).",
    ),
    "commend.refused.name": ("Hãy nhập họ và tên người được đề nghị.", "Type the person's full name."),
    "commend.refused.reason": (
        "Hãy nhập thành tích, lý do đề nghị tuyên dương, khen thưởng.",
        "Type the achievement, the reason for the proposal.",
    ),
    "commend.refused.unit": (
        "Không tìm thấy đơn vị “{value}” trong danh sách đơn vị.",
        "No unit “{value}” in the unit list.",
    ),
    "commend.reason.unit": (
        "Tổng điểm {period} đạt {total}, {more} {change} điểm so với năm {year}; xếp loại từ {before} lên {rating}.",
        "Total for {period} {total}, {more} by {change} on {year}; rated {rating}, up from {before}.",
    ),
    "commend.reason.unit_points": (
        "Tổng điểm {period} đạt {total}, {more} {change} điểm so với năm {year}; xếp loại {rating}.",
        "Total for {period} {total}, {more} by {change} on {year}; rated {rating}.",
    ),
    "commend.reason.up": ("tăng", "up"),
    "commend.reason.down": ("giảm", "down"),
    "commend.reason.mate": ("đồng hành cùng {unit} ({why})", "accompanied {unit} ({why})"),
    "commend.reason.mate_progress": (
        "đơn vị tiến bộ, tăng {change} điểm",
        "which progressed, up by {change}",
    ),
    "commend.reason.mate_item": (
        "đã hoàn thành nội dung “Đơn vị xuất sắc trong cụm đồng hành”",
        "the plan item “a strong unit of the cluster accompanies it” done",
    ),
    "commend.kind.unit": ("Đơn vị tiến bộ", "Unit that progressed"),
    "commend.kind.companion": ("Đơn vị đồng hành", "Companion unit"),
    "commend.kind.person": ("Cá nhân", "Individual"),
    "commend.decision.proposed": ("Đề xuất", "Proposed"),
    "commend.decision.agreed": ("Đồng ý", "Agreed"),
    "commend.decision.refused": ("Không đồng ý", "Not agreed"),
    "commend.role.member": ("Thành viên Tổ công tác", "Working-group member"),
    "commend.role.cadre": ("Cán bộ Đoàn cơ sở", "Unit cadre"),
    "commend.role.reinforcement": ("Cán bộ tăng cường", "Reinforcement staff"),
    "commend.stale": (
        "(Theo số liệu hiện nay đơn vị không còn trong diện đề xuất; quyết định đã ghi được giữ lại.)",
        "(The figures no longer propose this unit; the decision recorded is kept.)",
    ),
    "commend.col.name": ("Tên đơn vị/cá nhân", "Unit or person"),
    "commend.col.decision": ("Đề xuất/Quyết định", "Proposal/decision"),
    "commend.col.kind": ("Loại", "Kind"),
    "commend.col.unit": ("Đơn vị", "Unit"),
    "commend.col.reason": ("Thành tích/lý do", "Achievement/reason"),
    "commend.lines.none": (
        "Chưa có đơn vị, cá nhân nào được đề xuất tuyên dương, khen thưởng.",
        "No unit or person is proposed for commendation yet.",
    ),
    "commend.lines.unit": (
        "{number}) Đơn vị tiến bộ ({n} đơn vị):",
        "{number}) Units that progressed ({n} {n:unit|units}):",
    ),
    "commend.lines.companion": (
        "{number}) Đơn vị đồng hành ({n} đơn vị):",
        "{number}) Companion units ({n} {n:unit|units}):",
    ),
    "commend.lines.person": ("{number}) Cá nhân ({n} người):", "{number}) Individuals ({n} {n:person|people}):"),
    "commend.lines.agreed": (" (Ban Thường vụ đã đồng ý)", " (agreed by the Standing Committee)"),
    "commend.doc.title": ("DANH SÁCH ĐỀ NGHỊ TUYÊN DƯƠNG, KHEN THƯỞNG", "PROPOSED COMMENDATIONS"),
    "commend.doc.basis": (
        "Căn cứ {plan}; căn cứ kết quả thực hiện của các cơ sở Đoàn, Ban Thường vụ Đoàn Khối đề nghị tuyên "
        "dương, khen thưởng các tập thể, cá nhân sau:",
        "Under {plan}, and from the grassroots units' results, the Standing Committee proposes to commend:",
    ),
    "commend.doc.collective": ("I. TẬP THỂ", "I. COLLECTIVES"),
    "commend.doc.individual": ("II. CÁ NHÂN", "II. INDIVIDUALS"),
    "commend.doc.none": ("Không có.", "None."),
    "commend.doc.col.kind": ("Loại", "Kind"),
    "commend.doc.col.name": ("Tên đơn vị/cá nhân", "Unit or person"),
    "commend.doc.col.unit": ("Đơn vị", "Unit"),
    "commend.doc.col.reason": ("Thành tích/lý do", "Achievement/reason"),
    "commend.doc.col.decision": ("Đề xuất/ Quyết định", "Proposal/ decision"),
    "doc.sheet.commendations": ("Đề nghị khen thưởng", "Commendations"),
    "history.action_commendation": ("Tuyên dương, khen thưởng: {kinds}", "Commendation: {kinds}"),
    "kind.commend_proposed": ("đưa về đề xuất", "back to proposed"),
    "kind.commend_agreed": ("đồng ý một đề xuất", "a proposal agreed"),
    "kind.commend_refused": ("không đồng ý một đề xuất", "a proposal not agreed"),
    "kind.commend_person_added": ("thêm một cá nhân", "an individual added"),
    "kind.commend_person_removed": ("bỏ một cá nhân", "an individual removed"),
    "cli.help.commendations": (
        "danh sách đề nghị tuyên dương, khen thưởng của một kỳ, và ghi quyết định",
        "the commendation proposal of a period, and recording decisions",
    ),
    "cli.help.period_commendations": (
        "quý (2018-Q2) hoặc đợt (so-ket, tong-ket)",
        "a quarter (2018-Q2) or a review (so-ket, tong-ket)",
    ),
    "cli.help.decide": (
        "mã đơn vị hoặc cá nhân (P1, P2, …) cần ghi quyết định",
        "the unit code or person (P1, …) decided",
    ),
    "cli.help.decision": ("proposed, agreed hoặc refused", "proposed, agreed or refused"),
    "cli.help.commend_kind": ("loại khi một mã có hai loại: unit, companion", "the kind when a code has two"),
    "cli.no_commendations": ("Chưa có đơn vị, cá nhân nào được đề xuất.", "No unit or person is proposed."),
    "cli.commend_decided": (
        "Đã ghi: {name} — {decision} (lần #{entry}).",
        "Recorded: {name} — {decision} (entry #{entry}).",
    ),
    "cli.commend_unchanged": (
        "Không có gì thay đổi: {name} đã là “{decision}”.",
        "Nothing changed: {name} is already “{decision}”.",
    ),
    "cli.commend_decision_needed": ("Hãy ghi --decision cùng với --decide.", "Give --decision with --decide."),
    "nav.commendations": ("Tuyên dương, khen thưởng", "Commendations"),
    "commend.header": ("Đề nghị tuyên dương, khen thưởng", "Proposed commendations"),
    "commend.caption": (
        "Đơn vị tiến bộ, đơn vị đồng hành (theo số liệu) và cá nhân do người biên tập thêm; Ban Thường vụ "
        "quyết định đồng ý hay không.",
        "Units that progressed and companion units (from the figures), and individuals added by editors; the "
        "Standing Committee decides.",
    ),
    "commend.which": ("Kỳ", "Period"),
    "commend.counts": (
        "{n} đề xuất: {units} đơn vị tiến bộ, {mates} đơn vị đồng hành, {people} cá nhân; đồng ý {agreed}, "
        "không đồng ý {refused}.",
        "{n} {n:candidate|candidates}: units {units}, companions {mates}, individuals {people}; agreed {agreed}, "
        "not agreed {refused}.",
    ),
    "commend.get_docx": ("Tải danh sách (.docx)", "Download the list (.docx)"),
    "commend.get_xlsx": ("Tải danh sách (.xlsx)", "Download the list (.xlsx)"),
    "commend.viewer": (
        "Người biên tập đăng nhập (ô “Người biên tập: đăng nhập để sửa” ngay dưới đây) để ghi quyết định và thêm cá nhân.",
        "Editors sign in (“Editors: sign in to edit” just below) to record decisions and add individuals.",
    ),
    "commend.decide_header": ("Ghi quyết định của Ban Thường vụ", "Record the Standing Committee's decision"),
    "commend.pick": ("Đề xuất", "Candidate"),
    "commend.decision": ("Quyết định", "Decision"),
    "commend.save": ("Ghi quyết định", "Record the decision"),
    "commend.saved": (
        "Đã ghi quyết định “{decision}” cho {name}: mục lịch sử #{entry} (hoàn tác được ở trang Lịch sử).",
        "Recorded “{decision}” for {name}: history entry #{entry} (can be undone on the History page).",
    ),
    "commend.unchanged": ("Không có gì thay đổi.", "Nothing changed."),
    "commend.add_header": ("Thêm cá nhân", "Add an individual"),
    "commend.suggest": ("Chọn từ tổ công tác, cán bộ tăng cường", "From the working groups and reinforcements"),
    "commend.suggest_none": ("(nhập tên bên dưới)", "(type the name below)"),
    "commend.name": ("Họ và tên", "Full name"),
    "commend.role": ("Vai trò", "Role"),
    "commend.unit": ("Đơn vị (không bắt buộc)", "Unit (optional)"),
    "commend.no_unit": ("(không ghi)", "(none)"),
    "commend.reason": ("Thành tích, lý do đề nghị", "Achievement, reason"),
    "commend.add": ("Thêm vào danh sách", "Add to the list"),
    "commend.added": (
        "Đã thêm {name} vào danh sách: mục lịch sử #{entry} (hoàn tác được ở trang Lịch sử).",
        "Added {name}: history entry #{entry} (can be undone on the History page).",
    ),
    "commend.remove_header": ("Bỏ cá nhân khỏi danh sách", "Remove an individual"),
    "commend.remove": ("Bỏ khỏi danh sách", "Remove"),
    "commend.remove_pick": ("Cá nhân", "Individual"),
    "commend.removed": (
        "Đã bỏ {name} khỏi danh sách: mục lịch sử #{entry} (hoàn tác được ở trang Lịch sử).",
        "Removed {name}: history entry #{entry} (can be undone on the History page).",
    ),
    # ------------------------------------------------------------ scoring in stages, with evidence (#19)
    "stage.self": ("Đơn vị tự chấm", "Self-score"),
    "stage.checked": ("Tổ công tác thẩm định", "Checked by the working group"),
    "stage.approved": ("Ban Thường vụ duyệt", "Approved by the Standing Committee"),
    "problem.stage_unknown": (
        "Không hiểu giai đoạn chấm “{value}”. Hãy ghi một trong: {allowed}.",
        "Unknown scoring stage “{value}”. Write one of: {allowed}.",
    ),
    "problem.stage_choice_invalid": (
        "Giai đoạn chấm đã chọn “{value}” không hợp lệ. Hãy chọn một trong: {allowed}.",
        "The scoring stage chosen, “{value}”, is not valid. Choose one of: {allowed}.",
    ),
    "problem.stage_default": (
        "Bảng điểm không ghi giai đoạn chấm (cột “Giai đoạn”, dòng “Giai đoạn:” ở đầu sheet, hoặc chọn khi tải lên): "
        "được lưu là “{stage}”.",
        "The scorecard names no scoring stage (a “Giai đoạn” column, a “Giai đoạn:” line above the table, or the "
        "choice at upload): it is stored as “{stage}”.",
    ),
    "problem.reason_required": (
        "Đơn vị {who}, tiêu chí {criterion} ({period}): Tổ công tác chấm {value} điểm, khác điểm đơn vị tự chấm "
        "({own}). Hãy ghi lý do vào cột “Lý do {criterion}”.",
        "Unit {who}, criterion {criterion} ({period}): the working group's score, {value}, is not the unit's "
        "self-score ({own}). Write the reason in the “Lý do {criterion}” column.",
    ),
    "error.nothing_to_approve": (
        "Không có bảng điểm nào đã được Tổ công tác thẩm định mà chưa duyệt ở {period} (tổ: {group}). Không duyệt gì.",
        "No scorecard checked by a working group waits for approval in {period} (group: {group}). Nothing approved.",
    ),
    "error.unknown_group": (
        "Không có Tổ {group}; các tổ: {allowed}.",
        "There is no group {group}; the groups: {allowed}.",
    ),
    "history.action_approve": ("Ban Thường vụ duyệt: {kinds}", "Approved by the Standing Committee: {kinds}"),
    "col.self_score": ("Tự chấm", "Self-score"),
    "col.checked_score": ("Thẩm định", "Checked"),
    "col.approved_score": ("Duyệt", "Approved"),
    "col.reason": ("Lý do điều chỉnh", "Reason for the change"),
    "unit.stages_header": ("Điểm theo vòng chấm — {period}", "Scores by stage — {period}"),
    "unit.stages_rest": (
        "Tổng điểm kỳ này dựa trên: {stage}. Chưa duyệt thì vòng chấm cao nhất đã có được tính.",
        "This period's total rests on: {stage}. Before approval, the highest stage present counts.",
    ),
    "stages.rests_on": (
        "{period}: {self} đơn vị mới có điểm tự chấm (chờ Tổ công tác thẩm định), {checked} đơn vị đã thẩm định "
        "chờ Ban Thường vụ duyệt. Chưa duyệt thì tổng điểm tính theo vòng chấm cao nhất đã có.",
        "{period}: {self} {self:unit has|units have} only a self-score (waiting for the working group), {checked} "
        "checked and waiting for the Standing Committee's approval. Until approved, the highest stage present counts.",
    ),
    "stages.approve_header": ("Ban Thường vụ duyệt bảng điểm {period}", "Approval of the scorecards of {period}"),
    "stages.waiting": (
        "{n} đơn vị đã được Tổ công tác thẩm định, chờ duyệt: {codes}.",
        "{n} {n:unit|units} checked by the working group, waiting for approval: {codes}.",
    ),
    "stages.approve_viewer": (
        "Người biên tập đăng nhập để ghi quyết định duyệt của Ban Thường vụ.",
        "Editors sign in to record the Standing Committee's approval.",
    ),
    "stages.approve_confirm": (
        "Ban Thường vụ đã duyệt điểm thẩm định của {n} đơn vị Tổ {group}, {period}",
        "The Standing Committee approved the checked scores of {n} {n:unit|units} of group {group}, {period}",
    ),
    "stages.approve": ("Ghi duyệt cho Tổ {group}", "Record the approval for group {group}"),
    "stages.approve_tick": (
        "Hãy đánh dấu ô xác nhận rồi bấm lại. Chưa duyệt gì.",
        "Tick the confirmation, then press again. Nothing approved.",
    ),
    "stages.approved": (
        "Đã ghi duyệt bảng điểm của {n} đơn vị Tổ {group}: mục lịch sử #{entry} (hoàn tác được ở trang Lịch sử).",
        "Approved {n} {n:scorecard|scorecards} of group {group}: history entry #{entry} (can be undone on History).",
    ),
    "chart.stages_title": (
        "Điểm tự chấm và điểm thẩm định theo quý — {name}",
        "Self-score and checked score by quarter — {name}",
    ),
    "col.gap": ("Chênh lệch", "Gap"),
    "stages.gaps_header": (
        "Chênh lệch giữa điểm tự chấm và điểm thẩm định",
        "Gaps between self-scores and checked scores",
    ),
    "stages.gaps_caption": (
        "{period}: {n} đơn vị tự chấm cao hơn điểm Tổ công tác thẩm định; {shown} đơn vị chênh nhiều nhất:",
        "{period}: {n} {n:unit scored itself|units scored themselves} above the working group's check; the "
        "{shown} largest {shown:gap|gaps}:",
    ),
    "doc.results.gaps": (
        "Chênh lệch giữa điểm tự chấm và điểm thẩm định",
        "Gaps between self-scores and checked scores",
    ),
    "doc.results.gaps_waiting": (
        "{period}: {check} đơn vị mới có điểm tự chấm, chờ Tổ công tác thẩm định; {approval} đơn vị đã thẩm định, "
        "chờ Ban Thường vụ duyệt.",
        "{period}: {check} {check:unit has|units have} only a self-score, waiting for the working group's check; "
        "{approval} checked, waiting for the Standing Committee's approval.",
    ),
    "doc.results.gaps_some": (
        "{n} đơn vị tự chấm cao hơn điểm Tổ công tác thẩm định; {shown} đơn vị chênh nhiều nhất:",
        "{n} {n:unit scored itself|units scored themselves} above the working group's check; the {shown} largest "
        "{shown:gap|gaps}:",
    ),
    "doc.results.gaps_none": (
        "Không đơn vị nào tự chấm cao hơn điểm Tổ công tác thẩm định.",
        "No unit scored itself above the working group's check.",
    ),
    "doc.col.self_score": ("Điểm tự chấm", "Self-score"),
    "doc.col.checked_score": ("Điểm thẩm định", "Checked score"),
    "doc.col.gap": ("Chênh lệch", "Gap"),
    "doc.col.waiting": ("Đơn vị đang chờ", "Units waiting"),
    "doc.col.waiting_check": ("Chờ Tổ công tác thẩm định", "Waiting for the working group's check"),
    "doc.col.waiting_approval": ("Chờ Ban Thường vụ duyệt", "Waiting for the Standing Committee's approval"),
    "doc.sheet.gaps": ("Chênh lệch điểm", "Score gaps"),
    "doc.heading.gaps": (
        "Chênh lệch giữa điểm tự chấm và điểm thẩm định",
        "Gaps between self-scores and checked scores",
    ),
    "problem.criterion_unknown": (
        "Không có tiêu chí “{value}” trong bảng tiêu chí. Các tiêu chí: {allowed}.",
        "There is no criterion “{value}” among the criteria. The criteria: {allowed}.",
    ),
    "stages.evidence_viewer": (
        "Minh chứng của từng tiêu chí ở bảng trên. Người biên tập đăng nhập để thêm hay sửa minh chứng.",
        "Each criterion's evidence is in the table above. Editors sign in to add or change it.",
    ),
    "stages.evidence_header": ("Thêm, sửa minh chứng — {period}", "Add or change evidence — {period}"),
    "stages.evidence_pick": ("Tiêu chí", "Criterion"),
    "stages.evidence_text": ("Minh chứng (nội dung ngắn)", "Evidence (a short text)"),
    "stages.evidence_link": (
        "Đường dẫn hoặc tên tệp văn phòng lưu",
        "A link, or the name of a file the office keeps",
    ),
    "stages.evidence_save": ("Lưu minh chứng", "Save the evidence"),
    "stages.evidence_unchanged": (
        "Minh chứng không thay đổi: không lưu gì.",
        "The evidence is unchanged: nothing saved.",
    ),
    "stages.evidence_saved": (
        "Đã lưu minh chứng tiêu chí {criterion}, {period}: mục lịch sử #{entry} (hoàn tác được ở trang Lịch sử).",
        "Saved the evidence of criterion {criterion}, {period}: history entry #{entry} (can be undone on History).",
    ),
    "problem.evidence_too_long": (
        "Minh chứng dài {length} ký tự, quá giới hạn {limit} ký tự: không lưu gì. Hãy ghi ngắn lại, hoặc ghi đường "
        "dẫn hay tên tệp chứa toàn văn.",
        "The evidence is {length} {length:character|characters} long, over the limit of {limit}: nothing saved. "
        "Shorten it, or give a link or the name of the file holding the full text.",
    ),
    "link.ignored": (
        "Liên kết có giá trị không dùng được nên bỏ qua: {values}. Trang hiển thị như mặc định.",
        "The link holds values that cannot be used, so they were left out: {values}. The page shows its usual view.",
    ),
    "upload.stage": ("Giai đoạn chấm điểm", "Scoring stage"),
    "upload.stage_auto": ("Tự động theo tệp", "As the file says"),
    "upload.stage_help": (
        "Bảng điểm thuộc vòng chấm nào: đọc từ cột “Giai đoạn” hay dòng “Giai đoạn:” ở đầu sheet; tệp không "
        "ghi thì được lưu là Tổ công tác thẩm định. Chọn ở đây thì lựa chọn này được dùng cho mọi bảng điểm của tệp.",
        "Which stage the scorecards are: read from a “Giai đoạn” column or a “Giai đoạn:” line above the table; a "
        "file that names none is stored as checked by the working group. A choice here applies to every scorecard "
        "of the file.",
    ),
    "unit.stages_none": ("Chưa có bảng điểm nào của đơn vị trong kỳ này.", "No scorecard of the unit for this period."),
    "cli.help.stage_name": ("GIAI_ĐOẠN", "STAGE"),
    "cli.help.stage_upload": (
        "giai đoạn chấm của bảng điểm: self (đơn vị tự chấm), checked (tổ công tác thẩm định), approved "
        "(Ban Thường vụ duyệt); mặc định: đọc từ tệp, nếu không có là checked",
        "the scorecard's stage: self, checked (by the working group), approved (by the Standing Committee); "
        "default: read from the file, else checked",
    ),
    "cli.help.scores": (
        "điểm từng tiêu chí của một đơn vị trong một kỳ: tự chấm, thẩm định, duyệt, lý do, minh chứng",
        "one unit's points per criterion for one period: self, checked, approved, reason, evidence",
    ),
    "cli.help.unit_name": ("MÃ_ĐƠN_VỊ", "UNIT_CODE"),
    "cli.help.unit": ("mã (hoặc tên) đơn vị", "the unit's code (or name)"),
    "cli.help.approve": (
        "Ban Thường vụ duyệt bảng điểm đã thẩm định của một kỳ (một lần trong lịch sử, hoàn tác được)",
        "approve a period's checked scorecards (one history entry, can be undone)",
    ),
    "cli.help.approve_group": ("chỉ các đơn vị của tổ công tác số N", "only working group N's units"),
    "cli.help.by_approve": ("người duyệt (mặc định: tên đăng nhập máy)", "who approves (default: the login name)"),
    "cli.help.yes": ("không hỏi lại trước khi duyệt", "do not ask before approving"),
    "cli.unit_unknown": ("Không có đơn vị “{value}”.", "There is no unit “{value}”."),
    "cli.no_scores": ("Đơn vị chưa có bảng điểm nào trong kỳ này.", "The unit has no scorecard for this period."),
    "cli.scores_head": ("Tiêu chí", "Criterion"),
    "cli.approve_group": ("các đơn vị của Tổ {group}", "group {group}'s units"),
    "cli.approve_all": ("mọi đơn vị", "every unit"),
    "cli.approve_confirm": (
        "Duyệt bảng điểm đã thẩm định của {n} đơn vị ({who}) kỳ {period}: {units}? (c/k)",
        "Approve the checked scorecards of {n} {n:unit|units} ({who}) for {period}: {units}? (y/n)",
    ),
    "cli.approve_cancelled": ("Không duyệt: chưa xác nhận.", "Nothing approved: not confirmed."),
    "cli.approved": (
        "Đã duyệt bảng điểm của {n} đơn vị kỳ {period} (lần #{entry} trong lịch sử; hoàn tác: python -m doandata "
        "rollback {entry}).",
        "Approved {n} {n:scorecard|scorecards} for {period} (history entry #{entry}; undo: python -m doandata "
        "rollback {entry}).",
    ),
    # ------------------------------------------------------------ the meeting brief (#20, brief.py, pages/hop.py)
    "brief.title": (
        "Họp giao ban ngày {at} (xem xét {quarter}), so với cuộc họp ngày {since} ({since_quarter})",
        "Meeting of {at} (reviewing {quarter}), since the meeting of {since} ({since_quarter})",
    ),
    "brief.none": ("không có", "none"),
    "brief.section.since": ("I. Từ cuộc họp trước", "I. Since the last meeting"),
    "brief.section.warning": ("II. Cảnh báo sớm: dự báo đến tổng kết", "II. Early warning: where units will stand"),
    "brief.section.decide": ("III. Cần quyết định", "III. To decide"),
    "brief.changed": ("Đơn vị đổi trạng thái: {n}", "Units whose status changed: {n}"),
    "brief.changed_line": (
        "{unit}: {before} ({total_before} điểm) → {after} ({total_after} điểm)",
        "{unit}: {before} ({total_before}) → {after} ({total_after})",
    ),
    "brief.counts": (
        "Đúng tiến độ {on_track_before} → {on_track_after}; cần chú ý {at_risk_before} → {at_risk_after}; "
        "chậm tiến độ {behind_before} → {behind_after}",
        "On track {on_track_before} → {on_track_after}; needs attention {at_risk_before} → {at_risk_after}; "
        "behind {behind_before} → {behind_after}",
    ),
    "brief.uploads": ("Lần cập nhật dữ liệu giữa hai cuộc họp: {n}", "Data updates between the meetings: {n}"),
    "brief.missing": (
        "Báo cáo {quarter} chưa gửi: {n} ({names})",
        "Reports of {quarter} still missing: {n} ({names})",
    ),
    "brief.done": ("Nhiệm vụ hoàn thành: {n} ({names})", "Actions completed: {n} ({names})"),
    "brief.overdue": ("Nhiệm vụ trở thành quá hạn: {n} ({names})", "Actions become overdue: {n} ({names})"),
    "brief.meetings": (
        "Cuộc họp tổ đã họp: {held}; tổ chưa họp trong {quarter}: {missed}",
        "Working-group meetings held: {held}; groups with no meeting in {quarter}: {missed}",
    ),
    "brief.short": (
        "Đơn vị dự báo chưa đạt mục tiêu ở {final}: {n}/{of}",
        "Units projected below their target at the {final}: {n} of {of}",
    ),
    "brief.short_line": (
        "{unit}: dự báo {projected} (khoảng {low}–{high}), mục tiêu {target}, thiếu {shortfall} điểm",
        "{unit}: projected {projected} (range {low}–{high}), target {target}, short by {shortfall}",
    ),
    "brief.few_points": ("(chỉ {n} điểm số liệu: khoảng rộng)", "(only {n} data points: a wide range)"),
    "brief.method": (
        "Cách dự báo: đường thẳng bình phương nhỏ nhất qua điểm năm 2017 và các quý đã có, đọc ở quý của {final}; "
        "khoảng = ±2 sai số chuẩn (ít nhất ±ngưỡng cần chú ý; gấp đôi khi chỉ có 2 điểm, gấp ba khi chỉ có 1). "
        "Chỉ là xu hướng, không tính đến việc đơn vị thay đổi cách làm.",
        "Method: a least-squares line through the 2017 total and the quarters so far, read at the {final}'s "
        "quarter; range ±2 standard errors (at least ±the needs-attention band; twice it with 2 points, three "
        "times with 1). A trend only: it cannot know what a unit will change.",
    ),
    "brief.decide.commendations": (
        "Đề xuất khen thưởng chờ quyết định: {n} ({names})",
        "Commendation candidates waiting for a decision: {n} ({names})",
    ),
    "brief.decide.overdue_no_date": (
        "Nhiệm vụ quá hạn chưa có hạn mới: {n} ({names})",
        "Overdue actions with no new date: {n} ({names})",
    ),
    "brief.decide.no_group": (
        "Đơn vị chưa có tổ công tác theo dõi: {n} ({names})",
        "Units with no working group: {n} ({names})",
    ),
    "brief.decide.approvals": (
        "Bảng điểm {quarter} đã thẩm định, chờ Ban Thường vụ duyệt: {n} ({names})",
        "Scorecards of {quarter} checked and waiting for the Standing Committee's approval: {n} ({names})",
    ),
    "brief.decide.no_companion": (
        "Đơn vị đặc thù chưa có đơn vị đồng hành: {n} ({names})",
        "Special units with no companion: {n} ({names})",
    ),
    "brief.doc.title": ("BẢN TÓM TẮT HỌP GIAO BAN", "MEETING BRIEF"),
    "brief.doc.col.unit": ("Đơn vị", "Unit"),
    "brief.doc.col.before": ("Trước", "Before"),
    "brief.doc.col.after": ("Nay", "Now"),
    "brief.doc.col.projected": ("Dự báo", "Projected"),
    "brief.doc.col.range": ("Khoảng", "Range"),
    "brief.doc.col.target": ("Mục tiêu", "Target"),
    "brief.doc.col.shortfall": ("Còn thiếu", "Short by"),
    "chart.projected": ("Dự báo ở tổng kết (và khoảng)", "Projected at the final review (and range)"),
    "chart.projection_title": (
        "Dự báo tổng điểm ở {final} so với mục tiêu",
        "Projected total at the {final} against the target",
    ),
    "nav.meeting": ("Họp giao ban", "Committee meeting"),
    "hop.header": ("Họp giao ban ngày {at}", "Committee meeting of {at}"),
    "hop.header_empty": ("Họp giao ban", "Committee meeting"),
    "hop.at": ("Ngày cuộc họp này", "This meeting's date"),
    "hop.since": ("Ngày cuộc họp trước", "The last meeting's date"),
    "hop.newer": (
        "Sau ngày họp này đã có thêm {n} lần cập nhật dữ liệu.",
        "{n} data updates have come in since this meeting.",
    ),
    "hop.today_link": ("Xem bản tóm tắt hôm nay", "Today's brief"),
    "hop.to_groups": ("Mở trang Tổ công tác", "Open the Working groups page"),
    "hop.to_commendations": ("Quyết định ở trang Tuyên dương, khen thưởng", "Decide on the Commendations page"),
    "hop.to_clusters": ("Mở trang Cụm (đơn vị đồng hành)", "Open the Clusters page (companions)"),
    "hop.overdue_item": ("{unit}: nhiệm vụ #{no}, hạn {due}", "{unit}: action #{no}, due {due}"),
    "hop.get_docx": ("Tải bản tóm tắt (.docx, 1 trang)", "Download the brief (.docx, one page)"),
    # presentation mode, one section at a time (#20)
    "hop.prev": ("Phần trước", "Previous"),
    "hop.next": ("Phần sau", "Next"),
    "hop.part": ("Phần {n}/{of}", "Part {n} of {of}"),
    "hop.m.changed": ("Đơn vị đổi trạng thái", "Units whose status changed"),
    "hop.m.missing": ("Báo cáo quý còn thiếu", "Quarterly reports missing"),
    "hop.m.done": ("Nhiệm vụ hoàn thành", "Actions completed"),
    "hop.m.overdue": ("Nhiệm vụ trở nên quá hạn", "Actions become overdue"),
    "hop.m.short": ("Dự báo dưới mục tiêu", "Projected below target"),
    "hop.m.followed": ("Đơn vị theo dõi", "Units followed"),
    "hop.m.commendations": ("Đề xuất khen thưởng chờ quyết định", "Commendations to decide"),
    "hop.m.overdue_no_date": ("Quá hạn chưa có hạn mới", "Overdue, no new date"),
    "hop.m.unassigned": ("Chưa có tổ công tác hoặc đơn vị đồng hành", "No working group or companion"),
    "hop.m.approvals": ("Bảng điểm chờ duyệt", "Scores awaiting approval"),
    "cli.help.brief": (
        "bản tóm tắt cho cuộc họp giao ban: thay đổi từ cuộc họp trước, cảnh báo sớm, việc cần quyết định",
        "the meeting brief: what changed since the last meeting, early warning, what to decide",
    ),
    "cli.help.since": (
        "ngày cuộc họp trước (dd/mm/yyyy hoặc yyyy-mm-dd)",
        "the last meeting's date (dd/mm/yyyy or yyyy-mm-dd)",
    ),
    "cli.help.at": ("ngày cuộc họp này (mặc định: hôm nay)", "this meeting's date (default: today)"),
    "cli.bad_date": (
        "Ngày không hợp lệ: '{value}'. Hãy ghi ngày theo dạng dd/mm/yyyy (ví dụ 30/09/2018) hoặc yyyy-mm-dd.",
        "Not a date: '{value}'. Write it as dd/mm/yyyy (e.g. 30/09/2018) or yyyy-mm-dd.",
    ),
    "cli.dates_order": (
        "Ngày cuộc họp trước ({since}) phải trước ngày cuộc họp này ({at}).",
        "The last meeting ({since}) must come before this one ({at}).",
    ),
}


class _Formatter(string.Formatter):
    """str.format, and {n:row|rows}: the English noun agreeing with its count (Vietnamese has none)."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if value in (1, "1") else many
        return super().format_field(value, format_spec)


FORMATTER = _Formatter()


def t(key: str, lang: str = "vi", **params) -> str:
    vi, en = CATALOGUE[key]
    text = en if lang == "en" and en else vi
    return FORMATTER.vformat(text, (), params) if params else text


def fmt_number(value: float | None, lang: str = "vi", decimals: int = 1) -> str:
    """8.5 -> '8,5' in Vietnamese; 1500000 -> '1.500.000'; trailing zeros dropped."""
    if is_blank(value):
        return "—"
    # the float's exact value, rounded half to even as Python's own formatting does
    return _number_pattern(decimals).apply(decimal.Decimal(float(value)), _locale(lang))


def fmt_signed(value: float | None, lang: str = "vi", decimals: int = 1) -> str:
    if is_blank(value):
        return "—"
    sign = "+" if value > 0 else ""
    return sign + fmt_number(value, lang, decimals)


def fmt_date(value: dt.date | None, lang: str = "vi") -> str:
    """dd/mm/yyyy in Vietnamese, '28 Jun 2018' in English, whatever the process locale."""
    if is_blank(value) or not isinstance(value, dt.date):
        return "—"
    return babel.dates.format_date(value, _date_pattern(lang), locale=_locale(lang))


def fmt_datetime(value, lang: str = "vi") -> str:
    """A stored UTC time as the office reads it: Vietnam's time (DOANDATA_TZ), dd/mm/yyyy hh:mm."""
    if is_blank(value) or not isinstance(value, dt.datetime):
        return "—"
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    zone = ZoneInfo(os.environ.get("DOANDATA_TZ", "Asia/Ho_Chi_Minh"))
    pattern = f"{_date_pattern(lang)} HH:mm"
    return babel.dates.format_datetime(value, pattern, tzinfo=zone, locale=_locale(lang))


# CLDR patterns (Babel): the day first in both languages, as the office writes it
DATE_PATTERNS = {"vi": "dd/MM/yyyy", "en": "dd MMM yyyy"}


def _date_pattern(lang: str) -> str:
    return DATE_PATTERNS["en" if lang == "en" else "vi"]


@functools.cache
def _locale(lang: str) -> babel.Locale:
    return babel.Locale.parse("en" if lang == "en" else "vi")


@functools.cache
def _number_pattern(decimals: int) -> babel.numbers.NumberPattern:
    """Grouped thousands and at most `decimals` decimals, trailing zeros dropped ('#,##0.#')."""
    return babel.numbers.parse_pattern("#,##0" + ("." + "#" * decimals if decimals else ""))


def text_or_dash(value: object) -> str:
    """User text, or a dash where a cell was left empty (never 'nan')."""
    return "—" if is_blank(value) else str(value)


def period_name(period: str, lang: str = "vi") -> str:
    """'2018-Q2' -> 'Quý II/2018' or 'Q2 2018'; '2017' -> 'Năm 2017' or 'Year 2017'."""
    q = periods.quarter_of(period)
    if q:
        return t("period.quarter", lang, roman=periods.ROMAN[q - 1], q=q, year=periods.year_of(period))
    return t("period.baseline", lang, year=period)


def status_name(status: str | None, lang: str = "vi") -> str:
    """on_track / at_risk / behind (None: no scores yet) as people read them."""
    return t(f"status.{status or 'no_data'}", lang)


def milestone_name(milestone: Milestone, lang: str = "vi") -> str:
    """A default milestone in the reader's language; a name the office typed, as typed."""
    return t(f"milestone.{milestone.key}", lang) if _untouched(milestone, "name", lang) else milestone.name


def milestone_note(milestone: Milestone, lang: str = "vi") -> str:
    return t(f"milestone_note.{milestone.key}", lang) if _untouched(milestone, "note", lang) else milestone.note


def _untouched(milestone: Milestone, field: str, lang: str) -> bool:
    """English asked for and the field still the default's Vietnamese (the settings store Vietnamese)."""
    default = DEFAULT_MILESTONES.get(milestone.key)
    return lang == "en" and default is not None and getattr(default, field) == getattr(milestone, field)


# the defaults' names and notes do not depend on the plan year, only their dates do
DEFAULT_MILESTONES = {m.key: m for m in default_milestones(2000)}


def rating_name(name: str | None, lang: str = "vi") -> str:
    if not name:
        return "—"
    key = f"rating.{name}"
    return t(key, lang) if key in CATALOGUE else name
