<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>ActionBar</name>
    <message>
        <source>Từ chối (Ctrl+R)</source>
        <translation>Refuse (Ctrl+R)</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung (Ctrl+B)</source>
        <translation>Ask for more (Ctrl+B)</translation>
    </message>
    <message>
        <source>Lưu, in giấy hẹn (Ctrl+S)</source>
        <translation>Save, print slip (Ctrl+S)</translation>
    </message>
    <message>
        <source>Hẹn trả: %1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <source>%1, tính từ %2</source>
        <translation>%1, counted from %2</translation>
    </message>
    <message>
        <source>Hẹn trả: chọn thủ tục để tính</source>
        <translation>Due: choose the procedure</translation>
    </message>
    <message>
        <source>Đang ghi…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Đủ thông tin: Ctrl+S để lưu và in giấy hẹn.</source>
        <translation>Complete: Ctrl+S saves and prints the slip.</translation>
    </message>
</context>
<context>
    <name>ActionPanel</name>
    <message>
        <source>Thao tác với hồ sơ</source>
        <translation>Dossier actions</translation>
    </message>
    <message>
        <source>Hồ sơ đã kết thúc (“%1”): không còn thao tác nào.</source>
        <translation>The dossier is closed (“%1”): no actions left.</translation>
    </message>
    <message>
        <source>Kết quả đã sẵn sàng: trả cho công dân sau khi kiểm tra CCCD.</source>
        <translation>The result is ready: hand it to the citizen after checking the ID card.</translation>
    </message>
    <message>
        <source>Đang chờ công dân bổ sung, thời hạn tạm dừng. Đã bổ sung: chọn “Đang xử lý”.</source>
        <translation>Waiting for the citizen&apos;s supplement; the due clock is paused. Once supplemented: choose “Processing”.</translation>
    </message>
    <message>
        <source>Khi kết quả về từ cơ quan giải quyết, chọn “Nhận kết quả”.</source>
        <translation>When the result comes back from the department, choose “Record the result”.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Quản trị hệ thống</source>
        <translation>System administration</translation>
    </message>
    <message>
        <source>Sắp có: danh mục thủ tục, quầy, người dùng, máy in, lịch làm việc.</source>
        <translation>Coming: procedure catalog, desks, users, printers, working calendar.</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <source>Thoát chế độ máy lấy số</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <source>Chỉ dành cho quản trị viên.</source>
        <translation>For administrators only.</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nhập tên đăng nhập và mật khẩu.</source>
        <translation>Enter a username and password.</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message numerus="yes">
        <source>%n người chờ quá %1 phút:</source>
        <translation>
            <numerusform>%n person has waited over %1 minutes:</numerusform>
            <numerusform>%n people have waited over %1 minutes:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>và %n người nữa</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApologyDialog</name>
    <message>
        <source>Phiếu xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Apology and new date for the result</translation>
    </message>
    <message>
        <source>Lập phiếu (PDF)</source>
        <translation>Make the form (PDF)</translation>
    </message>
    <message>
        <source>Hồ sơ %1 · hạn trả %2</source>
        <translation>Dossier %1 · due %2</translation>
    </message>
    <message>
        <source>đã hẹn lại %1</source>
        <translation>already promised for %1</translation>
    </message>
    <message>
        <source>Hẹn trả kết quả lại vào</source>
        <translation>New date for the result</translation>
    </message>
    <message>
        <source>Lý do chậm trả (bắt buộc)</source>
        <translation>Reason for the delay (required)</translation>
    </message>
    <message>
        <source>Đơn vị gây chậm trễ (bắt buộc)</source>
        <translation>Unit that caused the delay (required)</translation>
    </message>
    <message>
        <source>Hạn trả của hồ sơ không đổi: báo cáo vẫn tính trễ hạn theo hạn trả ban đầu. Ngày hẹn lại được ghi vào diễn biến hồ sơ và in trên phiếu.</source>
        <translation>The dossier&apos;s due time does not change: reports still count it late against the original due time. The new date is recorded in the dossier&apos;s history and printed on the form.</translation>
    </message>
    <message>
        <source>Ngày hẹn mới phải sau %1.</source>
        <translation>The new date must be after %1.</translation>
    </message>
    <message>
        <source>Ngày hẹn mới phải sau thời điểm hiện tại.</source>
        <translation>The new date must be in the future.</translation>
    </message>
    <message>
        <source>Cần ghi lý do chậm trả.</source>
        <translation>The reason for the delay is required.</translation>
    </message>
    <message>
        <source>Cần ghi đơn vị gây chậm trễ.</source>
        <translation>The unit that caused the delay is required.</translation>
    </message>
</context>
<context>
    <name>ApplicantPanel</name>
    <message>
        <source>2. Người nộp</source>
        <translation>2. Applicant</translation>
    </message>
    <message>
        <source>Đọc QR từ ảnh… (Ctrl+O)</source>
        <translation>QR from a picture… (Ctrl+O)</translation>
    </message>
    <message>
        <source>Chụp từ camera…</source>
        <translation>From camera…</translation>
    </message>
    <message>
        <source>quét mã QR trên CCCD để điền tự động</source>
        <translation>scan the ID card&apos;s QR code to fill in</translation>
    </message>
    <message>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>di động hoặc cố định</source>
        <translation>mobile or landline</translation>
    </message>
    <message>
        <source>nơi thường trú</source>
        <translation>permanent residence</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Đọc mã QR trên thẻ CCCD bằng camera tài liệu (Ctrl+Shift+O)</source>
        <translation>Read the QR code on the ID card with the document camera (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Đã điền từ mã QR căn cước.</source>
        <translation>Filled in from the ID card&apos;s QR code.</translation>
    </message>
    <message>
        <source>Điện thoại, email theo hồ sơ %1 (%2): hỏi lại người nộp.</source>
        <translation>Phone and email from dossier %1 (%2): check them with the applicant.</translation>
    </message>
    <message>
        <source>Số CCCD chỉ gồm chữ số.</source>
        <translation>The ID number has digits only.</translation>
    </message>
    <message>
        <source>Số CCCD phải có đủ 12 chữ số (đang có %1).</source>
        <translation>The ID number needs 12 digits (%1 so far).</translation>
    </message>
    <message>
        <source>Số CCCD không hợp lệ: 3 số đầu (mã tỉnh) phải từ 001 đến 096.</source>
        <translation>Invalid ID number: its first 3 digits (province code) must be 001 to 096.</translation>
    </message>
    <message>
        <source>Số điện thoại không hợp lệ: di động 10 số bắt đầu bằng 03, 05, 07, 08, 09; cố định bắt đầu bằng 02.</source>
        <translation>Invalid phone number: mobiles have 10 digits starting 03, 05, 07, 08, 09; landlines start 02.</translation>
    </message>
    <message>
        <source>Ngày sinh không hợp lý.</source>
        <translation>The birth date is not plausible.</translation>
    </message>
    <message>
        <source>Ngày sinh viết theo dạng dd/mm/yyyy, ví dụ 01/02/1995.</source>
        <translation>Write the birth date as dd/mm/yyyy, e.g. 01/02/1995.</translation>
    </message>
    <message>
        <source>Email không hợp lệ.</source>
        <translation>Invalid email.</translation>
    </message>
    <message>
        <source>Thiếu họ tên người nộp.</source>
        <translation>The applicant&apos;s name is missing.</translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <source>Chọn tệp…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>Chọn thư mục…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <source>Chưa chọn tệp nào</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>Tách và đính kèm (Ctrl+Enter)</source>
        <translation>Split and attach (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>%v/%m trang</source>
        <translation>%v/%m pages</translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Kết quả tách lô</source>
        <translation>Batch result</translation>
    </message>
    <message>
        <source>Quét cả chồng hồ sơ một lượt, mỗi hồ sơ có phiếu kiểm soát (mẫu 05) ở đầu: các trang được tách theo mã vạch trên phiếu và đính kèm vào đúng hồ sơ. Trang không xếp được vào hồ sơ nào nằm ở khay chờ xem xét.</source>
        <translation>Scan a whole stack of dossiers in one go, each led by its control sheet (form 05): the pages are split by the sheet&apos;s barcode and attached to the right dossier. Pages that fit no dossier wait in the review tray.</translation>
    </message>
    <message>
        <source>Thư mục chứa các trang quét</source>
        <translation>Folder of scanned pages</translation>
    </message>
    <message>
        <source>Các tệp quét</source>
        <translation>Scanned files</translation>
    </message>
    <message>
        <source>Ảnh quét và PDF</source>
        <translation>Scanned images and PDF</translation>
    </message>
    <message numerus="yes">
        <source>%n mục: </source>
        <translation>
            <numerusform>%n item: </numerusform>
            <numerusform>%n items: </numerusform>
        </translation>
    </message>
    <message>
        <source>Đang đọc các trang…</source>
        <translation>Reading the pages…</translation>
    </message>
    <message>
        <source>Đang đính kèm vào hồ sơ…</source>
        <translation>Attaching to the dossiers…</translation>
    </message>
    <message>
        <source>Đang dừng sau trang hiện tại…</source>
        <translation>Stopping after the current page…</translation>
    </message>
    <message>
        <source>Đã hủy: không hồ sơ nào được thay đổi.</source>
        <translation>Cancelled: no dossier was changed.</translation>
    </message>
    <message numerus="yes">
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Xong: %n trang</source>
        <translation>
            <numerusform>Done: %n page</numerusform>
            <numerusform>Done: %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trang trắng đã bỏ</source>
        <translation>
            <numerusform>%n blank page dropped</numerusform>
            <numerusform>%n blank pages dropped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trang chờ xem xét</source>
        <translation>
            <numerusform>%n page for review</numerusform>
            <numerusform>%n pages for review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchWorkspace</name>
    <message>
        <source>Tạo biên bản mới</source>
        <translation>New batch</translation>
    </message>
    <message>
        <source>Chiều</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Quét mã vạch trên phiếu kiểm soát (hoặc gõ mã hồ sơ rồi nhấn Enter)</source>
        <translation>Scan the control sheet&apos;s barcode (or type the dossier code and press Enter)</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Quét lúc</source>
        <translation>Scanned at</translation>
    </message>
    <message>
        <source>Bỏ mã vừa quét</source>
        <translation>Undo last scan</translation>
    </message>
    <message>
        <source>Đóng biên bản…</source>
        <translation>Close batch…</translation>
    </message>
    <message>
        <source>Mở biên bản PDF</source>
        <translation>Open record PDF</translation>
    </message>
    <message>
        <source>Biên bản mới</source>
        <translation>New batch</translation>
    </message>
    <message>
        <source>Biên bản %1 chưa chốt (%2 hồ sơ): quét tiếp, hoặc chốt khi đủ.</source>
        <translation>Record %1 is still open (%2 dossiers): scan on, or close it when complete.</translation>
    </message>
    <message>
        <source>Biên bản %1 đã mở: quét phiếu kiểm soát của từng hồ sơ.</source>
        <translation>Batch %1 is open: scan each dossier&apos;s control sheet.</translation>
    </message>
    <message>
        <source>Chưa có biên bản đang mở: chọn chiều và đơn vị rồi bấm “Tạo biên bản mới” (Ctrl+N), hoặc mở tiếp một biên bản ở thẻ “Biên bản”. Mã %1 chưa được thêm.</source>
        <translation>No batch is open: choose the direction and department and press “New batch” (Ctrl+N), or continue a batch from the “Batches” tab. Code %1 was not added.</translation>
    </message>
    <message numerus="yes">
        <source>✓ Đã thêm %1. Biên bản có %n hồ sơ.</source>
        <translation>
            <numerusform>✓ Added %1. The batch has %n dossier.</numerusform>
            <numerusform>✓ Added %1. The batch has %n dossiers.</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ Không thêm %1: %2</source>
        <translation>✗ Not added %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Đã bỏ %1 khỏi biên bản. Còn %n hồ sơ.</source>
        <translation>
            <numerusform>Removed %1 from the batch. %n dossier left.</numerusform>
            <numerusform>Removed %1 from the batch. %n dossiers left.</numerusform>
        </translation>
    </message>
    <message>
        <source>Biên bản chưa có hồ sơ nào: quét ít nhất một hồ sơ.</source>
        <translation>The batch is empty: scan at least one dossier.</translation>
    </message>
    <message numerus="yes">
        <source>Đã đóng biên bản %1 (%n hồ sơ): đang in biên bản.</source>
        <translation>
            <numerusform>Batch %1 closed (%n dossier): printing the record.</numerusform>
            <numerusform>Batch %1 closed (%n dossiers): printing the record.</numerusform>
        </translation>
    </message>
    <message>
        <source>Đang in biên bản…</source>
        <translation>Printing the record…</translation>
    </message>
    <message>
        <source>Chưa in được: %1</source>
        <translation>Not printed: %1</translation>
    </message>
    <message>
        <source>Chưa có biên bản đang mở</source>
        <translation>No batch open</translation>
    </message>
    <message>
        <source>Chọn chiều bàn giao và đơn vị ở trên rồi tạo biên bản mới (Ctrl+N).</source>
        <translation>Choose the direction and department above, then create a new batch (Ctrl+N).</translation>
    </message>
    <message>
        <source>Biên bản %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <source>mở lúc %1</source>
        <translation>opened at %1</translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchesPanel</name>
    <message>
        <source>Đang mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Đã đóng</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Biên bản</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Bưu điện</source>
        <translation>Post office</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Mở / đóng</source>
        <translation>Opened / closed</translation>
    </message>
    <message>
        <source>Giao / nhận</source>
        <translation>Handed by / received by</translation>
    </message>
    <message>
        <source>Chọn một biên bản</source>
        <translation>Choose a batch</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Quét tiếp vào biên bản</source>
        <translation>Scan on into this batch</translation>
    </message>
    <message>
        <source>In lại biên bản</source>
        <translation>Reprint the record</translation>
    </message>
    <message>
        <source>Mở biên bản PDF</source>
        <translation>Open record PDF</translation>
    </message>
    <message numerus="yes">
        <source>%n biên bản</source>
        <translation>
            <numerusform>%n batch</numerusform>
            <numerusform>%n batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Chưa có biên bản nào ở đây</source>
        <translation>No batches here yet</translation>
    </message>
    <message numerus="yes">
        <source>Biên bản %1 · %n hồ sơ</source>
        <translation>
            <numerusform>Batch %1 · %n dossier</numerusform>
            <numerusform>Batch %1 · %n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Mở lúc %1</source>
        <translation>Opened at %1</translation>
    </message>
    <message>
        <source>Đóng lúc %1 · Người giao: %2 · Người nhận: %3</source>
        <translation>Closed at %1 · Handed by: %2 · Received by: %3</translation>
    </message>
    <message>
        <source>Đang mở: chưa bàn giao.</source>
        <translation>Open: not handed over yet.</translation>
    </message>
    <message>
        <source>Đang in lại biên bản %1…</source>
        <translation>Reprinting record %1…</translation>
    </message>
</context>
<context>
    <name>BreakdownModel</name>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Không dùng được camera: máy thiếu thư viện %1 của Qt Multimedia (quản trị viên chạy scripts/install-system-deps.sh).</source>
        <translation>The camera cannot be used: this computer lacks the %1 library of Qt Multimedia (an administrator runs scripts/install-system-deps.sh).</translation>
    </message>
    <message>
        <source>Không dùng được camera: máy này chưa nối camera nào.</source>
        <translation>The camera cannot be used: no camera is connected to this computer.</translation>
    </message>
    <message>
        <source>Đọc CCCD bằng camera</source>
        <translation>Read an ID card with the camera</translation>
    </message>
    <message>
        <source>Đưa mã QR trên thẻ CCCD vào giữa khung hình và giữ yên; đọc được là tự điền.</source>
        <translation>Hold the QR code of the ID card in the middle of the picture and keep it still; once read, the fields fill in.</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Đọc mã QR từ ảnh (Ctrl+O) hoặc nhập tay các thông tin.</source>
        <translation>Read the QR code from a picture (Ctrl+O), or type the details in.</translation>
    </message>
    <message>
        <source>Đang mở camera…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <source>Camera báo lỗi: %1</source>
        <translation>Camera error: %1</translation>
    </message>
</context>
<context>
    <name>CardScreen</name>
    <message>
        <source>Quầy một cửa</source>
        <translation>One-stop counter</translation>
    </message>
    <message>
        <source>Trung tâm Phục vụ hành chính công</source>
        <translation>Public Administrative Service Center</translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Settled</translation>
    </message>
    <message>
        <source>Đang giải quyết cuối kỳ</source>
        <translation>In progress at period end</translation>
    </message>
    <message>
        <source>Đánh giá hài lòng</source>
        <translation>Satisfaction ratings</translation>
    </message>
    <message>
        <source>trực tuyến %1 · kỳ trước %2</source>
        <translation>online %1 · carried over %2</translation>
    </message>
    <message>
        <source>quá hạn %1 (%2)</source>
        <translation>late %1 (%2)</translation>
    </message>
    <message>
        <source>quá hạn %1</source>
        <translation>overdue %1</translation>
    </message>
    <message>
        <source>không hài lòng %1 (%2)</source>
        <translation>unsatisfied %1 (%2)</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Nhận</source>
        <translation>Got</translation>
    </message>
    <message>
        <source>Giấy tờ (* bắt buộc)</source>
        <translation>Document (* required)</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Số bản</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Bắt buộc</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Giấy tờ thêm</source>
        <translation>Added document</translation>
    </message>
    <message>
        <source>Không bắt buộc</source>
        <translation>Optional</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>3. Giấy tờ nộp</source>
        <translation>3. Documents handed in</translation>
    </message>
    <message>
        <source>Đủ giấy tờ bắt buộc (Ctrl+D)</source>
        <translation>All required received (Ctrl+D)</translation>
    </message>
    <message>
        <source>Chọn thủ tục để hiện danh mục giấy tờ. Giấy tờ bắt buộc được đánh dấu sẵn là đã nhận: bỏ dấu (Space) giấy tờ người nộp chưa mang.</source>
        <translation>Choose the procedure to list its documents. Required documents come ticked as received: untick (Space) those the applicant did not bring.</translation>
    </message>
    <message>
        <source>Thêm giấy tờ khác: gõ tên rồi Enter (Alt+K)</source>
        <translation>Another document: type its name, Enter (Alt+K)</translation>
    </message>
    <message>
        <source>Thiếu giấy tờ bắt buộc: %1</source>
        <translation>Required documents missing: %1</translation>
    </message>
    <message>
        <source>Đã nhận đủ %1 giấy tờ bắt buộc; tổng %2 giấy tờ.</source>
        <translation>All %1 required documents received; %2 documents in all.</translation>
    </message>
</context>
<context>
    <name>CloseBatchDialog</name>
    <message>
        <source>Đóng biên bản bàn giao</source>
        <translation>Close the handover batch</translation>
    </message>
    <message numerus="yes">
        <source>Biên bản %1 · %2 · %n hồ sơ</source>
        <translation>
            <numerusform>Batch %1 · %2 · %n dossier</numerusform>
            <numerusform>Batch %1 · %2 · %n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Họ tên người giao</source>
        <translation>Full name of the person handing over</translation>
    </message>
    <message>
        <source>Họ tên người nhận</source>
        <translation>Full name of the person receiving</translation>
    </message>
    <message>
        <source>Người giao</source>
        <translation>Handed by</translation>
    </message>
    <message>
        <source>Người nhận</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Sau khi đóng, biên bản không thêm bớt được nữa; biên bản A4 và phiếu tóm tắt được in ngay.</source>
        <translation>Once closed, the batch cannot change; the A4 record and the summary slip are printed at once.</translation>
    </message>
    <message>
        <source>Đóng và in</source>
        <translation>Close and print</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cần ghi họ tên cả người giao và người nhận.</source>
        <translation>Both names are needed: the person handing over and the person receiving.</translation>
    </message>
</context>
<context>
    <name>ConflictCard</name>
    <message>
        <source>Đang dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Bị giữ lại</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <source>%1 (quầy %2)</source>
        <translation>%1 (desk %2)</translation>
    </message>
    <message>
        <source>%1 (quầy %2, đến trung tâm lúc %3)</source>
        <translation>%1 (desk %2, reached the center at %3)</translation>
    </message>
    <message>
        <source>%1 (đến trung tâm lúc %2)</source>
        <translation>%1 (reached the center at %2)</translation>
    </message>
    <message>
        <source>Giữ giá trị đang dùng</source>
        <translation>Keep the value in use</translation>
    </message>
    <message>
        <source>Dùng giá trị của quầy %1</source>
        <translation>Use desk %1&apos;s value</translation>
    </message>
    <message>
        <source>Dùng giá trị bị giữ lại</source>
        <translation>Use the set-aside value</translation>
    </message>
    <message>
        <source>Giá trị này do thao tác chuyển trạng thái đặt, không đặt lại ở đây được. Nếu cần, dùng các thao tác chuyển trạng thái thường của hồ sơ.</source>
        <translation>This value is set by status changes and cannot be put back here. If needed, use the dossier&apos;s ordinary status actions.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Xem lại thay đổi trùng nhau – %1</source>
        <translation>Review conflicting changes – %1</translation>
    </message>
    <message>
        <source>Hồ sơ %1: thay đổi trùng nhau</source>
        <translation>Dossier %1: conflicting changes</translation>
    </message>
    <message>
        <source>Khi mất kết nối, hai quầy cùng sửa một nội dung của hồ sơ này. Trung tâm đang dùng giá trị đến trước; giá trị kia được giữ lại. Với mỗi nội dung, chọn giữ giá trị đang dùng hoặc dùng giá trị bị giữ lại.</source>
        <translation>While disconnected, two desks changed the same detail of this dossier. The center uses the value that arrived first; the other was set aside. For each detail, keep the value in use or use the set-aside value.</translation>
    </message>
    <message>
        <source>Chỉ cán bộ một cửa hoặc lãnh đạo mới được giải quyết thay đổi trùng nhau.</source>
        <translation>Only desk officers and supervisors may settle conflicting changes.</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đang tải các thay đổi trùng nhau từ trung tâm…</source>
        <translation>Loading the conflicting changes from the center…</translation>
    </message>
    <message>
        <source>Hồ sơ không còn thay đổi trùng nhau nào cần xem lại.</source>
        <translation>The dossier has no more conflicting changes to review.</translation>
    </message>
    <message numerus="yes">
        <source>%n thay đổi trùng nhau cần xem lại.</source>
        <translation>
            <numerusform>%n conflicting change to review.</numerusform>
            <numerusform>%n conflicting changes to review.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cần kết nối với trung tâm để xem và giải quyết thay đổi trùng nhau. Kiểm tra kết nối mạng rồi bấm “Thử lại”.</source>
        <translation>Conflicting changes can only be reviewed and settled with a connection to the center. Check the network, then click “Try again”.</translation>
    </message>
    <message>
        <source>Đang lưu lựa chọn ở trung tâm…</source>
        <translation>Saving the choice at the center…</translation>
    </message>
    <message>
        <source>Hồ sơ %1: đã xem lại xong các thay đổi trùng nhau.</source>
        <translation>Dossier %1: all conflicting changes reviewed.</translation>
    </message>
    <message>
        <source>Đã xem lại xong.</source>
        <translation>Review done.</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <source>Quầy một cửa</source>
        <translation>One-stop counter</translation>
    </message>
    <message>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được đổi người dùng khi màn hình đang khóa.</source>
        <translation>Only an administrator may switch user while the screen is locked.</translation>
    </message>
</context>
<context>
    <name>DeliveryPanel</name>
    <message>
        <source>Nhập kho mã vận đơn…</source>
        <translation>Import tracking numbers…</translation>
    </message>
    <message>
        <source>Nhập trạng thái từ bưu điện (CSV)…</source>
        <translation>Import the post&apos;s statuses (CSV)…</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Địa chỉ nhận</source>
        <translation>Delivery address</translation>
    </message>
    <message>
        <source>trong lô %1</source>
        <translation>in batch %1</translation>
    </message>
    <message>
        <source>xong lúc %1</source>
        <translation>ready at %1</translation>
    </message>
    <message>
        <source>Giao cho bưu điện…</source>
        <translation>Hand to the post…</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Đã giao bưu điện</source>
        <translation>Handed to the post</translation>
    </message>
    <message>
        <source>Đang chuyển phát</source>
        <translation>In transit</translation>
    </message>
    <message>
        <source>Đã phát</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Chuyển hoàn về Trung tâm</source>
        <translation>Returned to the center</translation>
    </message>
    <message>
        <source>Mã vận đơn</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message numerus="yes">
        <source>Chờ gửi bưu điện: %n kết quả</source>
        <translation>
            <numerusform>Waiting for the post: %n result</numerusform>
            <numerusform>Waiting for the post: %n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kho mã vận đơn: còn %n số</source>
        <translation>
            <numerusform>Tracking number pool: %n left</numerusform>
            <numerusform>Tracking number pool: %n left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>đã dùng %n</source>
        <translation>
            <numerusform>%n used</numerusform>
            <numerusform>%n used</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Đã giao %1 cho bưu điện, mã vận đơn %2.</source>
        <translation>✓ %1 handed to the post, tracking number %2.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Danh sách mã vận đơn của bưu điện</source>
        <translation>The post&apos;s list of tracking numbers</translation>
    </message>
    <message numerus="yes">
        <source>Đã nhập %n mã vận đơn vào kho</source>
        <translation>
            <numerusform>Imported %n tracking number into the pool</numerusform>
            <numerusform>Imported %n tracking numbers into the pool</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bỏ qua %n mã đã có</source>
        <translation>
            <numerusform>skipped %n already there</numerusform>
            <numerusform>skipped %n already there</numerusform>
        </translation>
    </message>
    <message>
        <source>Tệp trạng thái phát của bưu điện</source>
        <translation>The post&apos;s delivery status file</translation>
    </message>
    <message numerus="yes">
        <source>Không cập nhật gì: tệp có %n dòng lỗi</source>
        <translation>
            <numerusform>Nothing updated: the file has %n bad line</numerusform>
            <numerusform>Nothing updated: the file has %n bad lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đã cập nhật %n bưu gửi</source>
        <translation>
            <numerusform>Updated %n item</numerusform>
            <numerusform>Updated %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n không đổi</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mã vận đơn không có ở đây: %1</source>
        <translation>
            <numerusform>%n tracking number not known here: %1</numerusform>
            <numerusform>%n tracking numbers not known here: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Tệp CSV hoặc văn bản</source>
        <translation>CSV or text files</translation>
    </message>
</context>
<context>
    <name>DeskCard</name>
    <message>
        <source>Chưa mở</source>
        <translation>Not opened</translation>
    </message>
    <message>
        <source>Chưa rõ cán bộ</source>
        <translation>Officer not recorded</translation>
    </message>
    <message>
        <source>Chưa gọi số hôm nay</source>
        <translation>No calls today</translation>
    </message>
    <message numerus="yes">
        <source>Đã phục vụ %n</source>
        <translation>
            <numerusform>Served %n</numerusform>
            <numerusform>Served %n</numerusform>
        </translation>
    </message>
    <message>
        <source>rảnh %1</source>
        <translation>idle %1</translation>
    </message>
    <message>
        <source>Dịch vụ %1</source>
        <translation>Service %1</translation>
    </message>
</context>
<context>
    <name>DeskChoiceScreen</name>
    <message>
        <source>Máy này là quầy nào?</source>
        <translation>Which desk is this computer?</translation>
    </message>
    <message>
        <source>Chọn một lần cho máy tính này; lựa chọn được lưu vào tệp cấu hình. Người dùng vẫn đăng nhập bằng tài khoản của mình.</source>
        <translation>Chosen once for this computer and saved in the settings file. Everyone still signs in with their own account.</translation>
    </message>
    <message>
        <source>Quầy</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Dùng quầy này</source>
        <translation>Use this desk</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu chưa có quầy nào. Quản trị viên cần tạo danh sách quầy.</source>
        <translation>The database has no desks yet. An administrator needs to create them.</translation>
    </message>
</context>
<context>
    <name>DossierActionRunner</name>
    <message>
        <source>“%1” không áp dụng cho hồ sơ đang ở trạng thái “%2”.</source>
        <translation>“%1” does not apply to a dossier in status “%2”.</translation>
    </message>
    <message>
        <source>Tiếp tục</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Công dân rút hồ sơ</source>
        <translation>Withdrawn by the citizen</translation>
    </message>
    <message>
        <source>Xác nhận công dân rút hồ sơ %1?</source>
        <translation>Confirm that the citizen withdraws dossier %1?</translation>
    </message>
    <message>
        <source>Hồ sơ sẽ kết thúc ở trạng thái “Công dân rút hồ sơ” và không hoàn tác được.</source>
        <translation>The dossier will end as “Withdrawn by the citizen”; this cannot be undone.</translation>
    </message>
    <message>
        <source>Lý do: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Rút hồ sơ</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>Hồ sơ %1: đã chuyển sang “%2”.</source>
        <translation>Dossier %1: now “%2”.</translation>
    </message>
    <message>
        <source>Trả kết quả cho công dân: Alt+T hoặc trang Trả kết quả (F4).</source>
        <translation>Return it to the citizen: Alt+T or the Returns page (F4).</translation>
    </message>
    <message>
        <source>Hồ sơ %1: đã ghi yêu cầu bổ sung, thời hạn tạm dừng. Phiếu (mẫu 02): %2</source>
        <translation>Dossier %1: supplement request recorded, the due time is paused. Form 02: %2</translation>
    </message>
    <message>
        <source>Đã lập phiếu xin lỗi, hẹn trả lại lúc %1: %2</source>
        <translation>Apology made, result promised for %1: %2</translation>
    </message>
</context>
<context>
    <name>DossierActions</name>
    <message>
        <source>Nhận kết quả từ cơ quan giải quyết</source>
        <translation>Record the result from the department</translation>
    </message>
    <message>
        <source>Kết quả đã về từ cơ quan giải quyết: hồ sơ chuyển sang “Đã xử lý xong”, chờ trả cho công dân.</source>
        <translation>The result is back from the department: the dossier becomes “Result ready”, waiting to be returned.</translation>
    </message>
    <message>
        <source>Trả kết quả</source>
        <translation>Return the result</translation>
    </message>
    <message>
        <source>Mở trang Trả kết quả với hồ sơ này: kiểm tra CCCD người nhận, trả, rồi mời đánh giá.</source>
        <translation>Open the Returns page with this dossier: check the taker&apos;s ID card, return, then ask for a rating.</translation>
    </message>
    <message>
        <source>Đang xử lý</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>Hồ sơ đang được cơ quan giải quyết xử lý (cũng dùng khi công dân đã bổ sung xong).</source>
        <translation>The department is processing the dossier (also once the citizen has supplemented it).</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung</source>
        <translation>Request a supplement</translation>
    </message>
    <message>
        <source>Công dân phải bổ sung, hoàn thiện hồ sơ: ghi giấy tờ cần bổ sung và lý do, lập phiếu yêu cầu bổ sung (mẫu 02); thời hạn tạm dừng cho đến khi bổ sung xong.</source>
        <translation>The citizen must add to or complete the dossier: record the documents to add and the reason, and make the supplement request (form 02); the due time is paused until it is supplemented.</translation>
    </message>
    <message>
        <source>Số hóa</source>
        <translation>Digitize</translation>
    </message>
    <message>
        <source>Mở trang Số hóa với hồ sơ này: quét, sắp xếp, đính kèm giấy tờ.</source>
        <translation>Open the Digitization page on this dossier: scan, arrange and attach its papers.</translation>
    </message>
    <message>
        <source>Dừng xử lý</source>
        <translation>Stop processing</translation>
    </message>
    <message>
        <source>Dừng giải quyết hồ sơ, ghi rõ lý do.</source>
        <translation>Stop settling the dossier, with the reason.</translation>
    </message>
    <message>
        <source>Công dân rút hồ sơ</source>
        <translation>Withdrawn by the citizen</translation>
    </message>
    <message>
        <source>Công dân xin rút hồ sơ: hồ sơ kết thúc, không hoàn tác được.</source>
        <translation>The citizen withdraws the dossier: it ends, and this cannot be undone.</translation>
    </message>
    <message>
        <source>Phiếu xin lỗi, hẹn lại</source>
        <translation>Apology, new date</translation>
    </message>
    <message>
        <source>Lập phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04), in PDF.</source>
        <translation>Make the apology with a new date for the result (form 04) as a PDF.</translation>
    </message>
</context>
<context>
    <name>DossierDetail</name>
    <message>
        <source>Chưa chọn hồ sơ</source>
        <translation>No dossier selected</translation>
    </message>
    <message>
        <source>Chọn một hồ sơ trong danh sách, hoặc quét mã vạch trên giấy hẹn trả kết quả để xem trạng thái, hạn trả, giấy tờ đã nhận và diễn biến xử lý.</source>
        <translation>Choose a dossier in the list, or scan the barcode on the appointment slip, to see its status, due time, documents received and history.</translation>
    </message>
    <message>
        <source>Đã hẹn lại</source>
        <translation>New date promised</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Kênh nộp</source>
        <translation>Channel</translation>
    </message>
    <message numerus="yes">
        <source>%n bộ</source>
        <translation>
            <numerusform>%n set</numerusform>
            <numerusform>%n sets</numerusform>
        </translation>
    </message>
    <message>
        <source>Hẹn trả ban đầu</source>
        <translation>First due time</translation>
    </message>
    <message>
        <source>Hẹn trả lại (phiếu xin lỗi)</source>
        <translation>New date (apology)</translation>
    </message>
    <message>
        <source>Đã trả lúc</source>
        <translation>Returned at</translation>
    </message>
    <message>
        <source>Trả kết quả qua bưu điện: %1, %2, %3</source>
        <translation>Result returned by post: %1, %2, %3</translation>
    </message>
    <message>
        <source>Giấy tờ đã nhận</source>
        <translation>Documents received</translation>
    </message>
    <message>
        <source>Không có giấy tờ</source>
        <translation>No documents</translation>
    </message>
    <message>
        <source>Diễn biến</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Hai quầy cùng sửa hồ sơ này khi mất kết nối; trung tâm đang dùng một giá trị. Cần xem lại.</source>
        <translation>Two desks changed this dossier while disconnected; the center is using one of the values. Needs review.</translation>
    </message>
    <message>
        <source>Xem lại thay đổi…</source>
        <translation>Review changes…</translation>
    </message>
    <message>
        <source>Giấy tờ đã in</source>
        <translation>Prints made</translation>
    </message>
    <message>
        <source>Chưa in giấy tờ nào.</source>
        <translation>Nothing printed yet.</translation>
    </message>
    <message>
        <source>Mở PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>Tệp số hóa</source>
        <translation>Digitized files</translation>
    </message>
    <message>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Chưa có tệp số hóa nào.</source>
        <translation>No digitized files yet.</translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Bản sao chứng thực</source>
        <translation>Certified copy</translation>
    </message>
    <message>
        <source>Bản photo</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Bưu chính công ích</source>
        <translation>Public postal service</translation>
    </message>
</context>
<context>
    <name>DossierSections</name>
    <message>
        <source>Giấy tiếp nhận và hẹn trả (phiếu nhiệt)</source>
        <translation>Receipt and appointment (thermal slip)</translation>
    </message>
    <message>
        <source>Phiếu trả kết quả (phiếu nhiệt)</source>
        <translation>Result returned (thermal slip)</translation>
    </message>
    <message>
        <source>Giấy tiếp nhận và hẹn trả kết quả (mẫu 01)</source>
        <translation>Receipt and appointment (form 01)</translation>
    </message>
    <message>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)</source>
        <translation>Supplement request (form 02)</translation>
    </message>
    <message>
        <source>Phiếu từ chối tiếp nhận (mẫu 03)</source>
        <translation>Refusal (form 03)</translation>
    </message>
    <message>
        <source>Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)</source>
        <translation>Apology and new date (form 04)</translation>
    </message>
    <message>
        <source>Phiếu kiểm soát quá trình giải quyết (mẫu 05)</source>
        <translation>Control sheet (form 05)</translation>
    </message>
    <message>
        <source>đã in</source>
        <translation>printed</translation>
    </message>
    <message>
        <source> (có thể đã in)</source>
        <translation> (may have printed)</translation>
    </message>
    <message>
        <source>in lỗi</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>đang gửi tới máy in</source>
        <translation>sending to the printer</translation>
    </message>
    <message>
        <source>đang chờ in</source>
        <translation>waiting to print</translation>
    </message>
    <message>
        <source>Đánh giá hài lòng</source>
        <translation>Satisfaction rating</translation>
    </message>
    <message>
        <source>In giấy tờ</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Số hóa</source>
        <translation>Digitized</translation>
    </message>
    <message>
        <source>Bàn giao</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <source>Phiếu xin lỗi, hẹn lại</source>
        <translation>Apology, new date</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Lý do: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Người nhận: %1</source>
        <translation>Taken by: %1</translation>
    </message>
    <message>
        <source>giấy ủy quyền %1</source>
        <translation>authorization %1</translation>
    </message>
    <message>
        <source>Cần bổ sung: %1</source>
        <translation>To add: %1</translation>
    </message>
    <message>
        <source>Hạn trả dời đến %1 (thời gian chờ bổ sung)</source>
        <translation>Due time moved to %1 (time waiting for the supplement)</translation>
    </message>
    <message>
        <source>Hẹn trả lại: %1</source>
        <translation>New date: %1</translation>
    </message>
    <message>
        <source>Đơn vị gây chậm: %1</source>
        <translation>Delayed by: %1</translation>
    </message>
    <message>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Không hài lòng</source>
        <translation>Unsatisfied</translation>
    </message>
    <message>
        <source> → máy in</source>
        <translation> → printer</translation>
    </message>
    <message>
        <source>Bản số hóa</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Phiếu</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>số trang: %1</source>
        <translation>pages: %1</translation>
    </message>
    <message>
        <source>Hồ sơ giấy: %1</source>
        <translation>Paper dossier: %1</translation>
    </message>
    <message>
        <source>giao: %1, nhận: %2</source>
        <translation>handed by: %1, received by: %2</translation>
    </message>
</context>
<context>
    <name>DossierTable</name>
    <message>
        <source>Cần xem lại</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Cần xem lại thay đổi trùng nhau</source>
        <translation>Conflicting changes need review</translation>
    </message>
</context>
<context>
    <name>DossiersPage</name>
    <message>
        <source>Mã hồ sơ, tên người nộp (có dấu hoặc không dấu), số CCCD, số điện thoại</source>
        <translation>Dossier code, applicant name (with or without diacritics), ID number, phone</translation>
    </message>
    <message>
        <source>Tìm</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Tìm lại, làm mới kết quả</source>
        <translation>Search again, refresh the results</translation>
    </message>
    <message>
        <source>Xóa ô tìm kiếm</source>
        <translation>Clear the search box</translation>
    </message>
    <message>
        <source>Sao chép mã hồ sơ đang xem</source>
        <translation>Copy the code of the dossier shown</translation>
    </message>
    <message>
        <source>Đã sao chép mã %1</source>
        <translation>Copied %1</translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ nào cho “%1”.</source>
        <translation>No dossier found for “%1”.</translation>
    </message>
    <message>
        <source>Gõ mã hồ sơ, tên người nộp, số CCCD hoặc số điện thoại rồi nhấn Enter. Tên có thể gõ không dấu: “tran van an” tìm được “Trần Văn An”.

Quét mã vạch trên giấy hẹn trả kết quả ở bất kỳ màn hình nào để mở ngay hồ sơ.</source>
        <translation>Type a dossier code, an applicant&apos;s name, an ID number or a phone number and press Enter. Names may be typed without diacritics: “tran van an” finds “Trần Văn An”.

Scan the barcode on an appointment slip on any screen to open the dossier at once.</translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <source>Màn hình phòng chờ</source>
        <translation>Hall display</translation>
    </message>
    <message>
        <source>Mời số</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <source>Các quầy đang phục vụ</source>
        <translation>Desks now serving</translation>
    </message>
    <message>
        <source>Chưa có quầy nào đang phục vụ</source>
        <translation>No desk is serving yet</translation>
    </message>
    <message>
        <source>Số người đang chờ</source>
        <translation>People waiting</translation>
    </message>
    <message>
        <source>Vừa gọi</source>
        <translation>Just called</translation>
    </message>
    <message>
        <source>Chưa có lượt gọi trước</source>
        <translation>No earlier calls yet</translation>
    </message>
    <message>
        <source>Dữ liệu: trung tâm (trực tuyến)</source>
        <translation>Data: the center (online)</translation>
    </message>
    <message>
        <source>Dữ liệu: máy này</source>
        <translation>Data: this computer</translation>
    </message>
    <message>
        <source>Chưa đọc được dữ liệu, đang thử lại</source>
        <translation>Could not read the data yet, retrying</translation>
    </message>
    <message>
        <source>{0} → Quầy {1}</source>
        <translation>{0} → Desk {1}</translation>
    </message>
    <message>
        <source>Chưa có số được gọi</source>
        <translation>No number called yet</translation>
    </message>
    <message>
        <source>→ Quầy {0}</source>
        <translation>→ Desk {0}</translation>
    </message>
    <message>
        <source>Quầy {0}</source>
        <translation>Desk {0}</translation>
    </message>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ Nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Giọng đọc: espeak-ng tiếng Việt</source>
        <translation>Voice: espeak-ng Vietnamese</translation>
    </message>
    <message>
        <source>Giọng đọc: Qt Text-to-Speech tiếng Việt</source>
        <translation>Voice: Qt Text-to-Speech Vietnamese</translation>
    </message>
    <message>
        <source>Không có giọng đọc tiếng Việt: chỉ chuông và hiển thị</source>
        <translation>No Vietnamese voice: chime and screen only</translation>
    </message>
    <message>
        <source>Tắt tiếng</source>
        <translation>Muted</translation>
    </message>
    <message>
        <source>cập nhật {0}</source>
        <translation>updated {0}</translation>
    </message>
    <message>
        <source>không tìm thấy loa</source>
        <translation>no speakers found</translation>
    </message>
</context>
<context>
    <name>HandoverForm</name>
    <message>
        <source>2. Kiểm tra người nhận, xác nhận trả</source>
        <translation>2. Check who takes it, confirm the return</translation>
    </message>
    <message>
        <source>Đối chiếu CCCD của người nhận. Quét mã QR trên thẻ CCCD để điền nhanh số CCCD và họ tên.</source>
        <translation>Check the taker&apos;s ID card. Scan the QR code on the card to fill the number and name.</translation>
    </message>
    <message>
        <source>Người khác nhận thay, có giấy ủy quyền</source>
        <translation>Someone else, with an authorization</translation>
    </message>
    <message>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>Họ và tên người nhận thay</source>
        <translation>Full name of the person taking it</translation>
    </message>
    <message>
        <source>Ví dụ: Giấy ủy quyền số 12/2025/UQ ngày 10/03/2025</source>
        <translation>E.g. Authorization no. 12/2025/UQ of 10/03/2025</translation>
    </message>
    <message>
        <source>Họ tên người nhận</source>
        <translation>Taker&apos;s name</translation>
    </message>
    <message>
        <source>Giấy ủy quyền</source>
        <translation>Authorization</translation>
    </message>
    <message>
        <source>Số CCCD người nhận</source>
        <translation>Taker&apos;s ID number</translation>
    </message>
    <message>
        <source>Xác nhận trả kết quả   Ctrl+Enter</source>
        <translation>Confirm the return   Ctrl+Enter</translation>
    </message>
    <message>
        <source>Chính người nộp hồ sơ: %1</source>
        <translation>The applicant: %1</translation>
    </message>
    <message>
        <source>Nhập hoặc quét số CCCD của người nhận.</source>
        <translation>Type or scan the taker&apos;s ID number.</translation>
    </message>
    <message>
        <source>Người nhận thay: cần ghi họ tên và giấy ủy quyền (số, ngày).</source>
        <translation>Someone else: their name and the authorization (number, date) are required.</translation>
    </message>
</context>
<context>
    <name>HourChart</name>
    <message>
        <source>Lấy số</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Đã phục vụ</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Chưa có lượt nào hôm nay</source>
        <translation>No tickets yet today</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Chưa chọn thủ tục: gõ tên hoặc mã thủ tục rồi Enter (Alt+T).</source>
        <translation>No procedure chosen: type its name or code, then Enter (Alt+T).</translation>
    </message>
    <message numerus="yes">
        <source>Thiếu %n giấy tờ bắt buộc (mục 3): Yêu cầu bổ sung (Ctrl+B).</source>
        <translation>
            <numerusform>%n required document missing (section 3): ask for more (Ctrl+B).</numerusform>
            <numerusform>%n required documents missing (section 3): ask for more (Ctrl+B).</numerusform>
        </translation>
    </message>
    <message>
        <source>Thiếu giấy tờ bắt buộc: %1. Nếu người nộp chưa có, bấm Yêu cầu bổ sung (Ctrl+B).</source>
        <translation>Required documents missing: %1. If the applicant does not have them, ask for more (Ctrl+B).</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Lưu, in giấy hẹn (cả Ctrl+Enter)</source>
        <translation>Save, print the slip (Ctrl+Enter too)</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ mới</source>
        <translation>New intake</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung hồ sơ (mẫu 02)</source>
        <translation>Ask for more documents (form 02)</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận (mẫu 03)</source>
        <translation>Refuse the dossier (form 03)</translation>
    </message>
    <message>
        <source>Đọc mã QR căn cước từ ảnh</source>
        <translation>Read the ID card QR from a picture</translation>
    </message>
    <message>
        <source>Tìm thủ tục</source>
        <translation>Find the procedure</translation>
    </message>
    <message>
        <source>Họ tên người nộp</source>
        <translation>Applicant&apos;s name</translation>
    </message>
    <message>
        <source>Điện thoại người nộp</source>
        <translation>Applicant&apos;s phone</translation>
    </message>
    <message>
        <source>Danh mục giấy tờ (Space: nhận/bỏ)</source>
        <translation>Documents (Space: received or not)</translation>
    </message>
    <message>
        <source>Đánh dấu đủ giấy tờ bắt buộc</source>
        <translation>Tick all required documents</translation>
    </message>
    <message>
        <source>Thêm giấy tờ khác</source>
        <translation>Add another document</translation>
    </message>
    <message>
        <source>Trả kết quả qua bưu điện</source>
        <translation>Return the result by post</translation>
    </message>
    <message>
        <source>Đọc mã QR căn cước bằng camera</source>
        <translation>Read the ID card QR code with the camera</translation>
    </message>
    <message>
        <source>Đang ghi hồ sơ trước: quét lại thẻ sau giây lát.</source>
        <translation>The last dossier is being saved: scan the card again in a moment.</translation>
    </message>
    <message>
        <source>Đã đọc CCCD của %1.</source>
        <translation>ID card of %1 read.</translation>
    </message>
    <message>
        <source>Chọn ảnh có mã QR căn cước</source>
        <translation>Choose a picture with the ID card&apos;s QR code</translation>
    </message>
    <message>
        <source>Ảnh hoặc PDF (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.pdf)</source>
        <translation>Pictures or PDF (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <source>Đang đọc mã QR trong ảnh…</source>
        <translation>Reading the QR code in the picture…</translation>
    </message>
    <message>
        <source>Đã tiếp nhận hồ sơ</source>
        <translation>Dossier received</translation>
    </message>
    <message>
        <source>Được tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Đã tiếp nhận hồ sơ %1.</source>
        <translation>Dossier %1 received.</translation>
    </message>
    <message>
        <source>Đã ghi yêu cầu bổ sung</source>
        <translation>Request for more documents recorded</translation>
    </message>
    <message>
        <source>Đã ghi từ chối tiếp nhận</source>
        <translation>Refusal recorded</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <source>Không được tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Hồ sơ đang nhập</source>
        <translation>Intake in progress</translation>
    </message>
    <message>
        <source>Bỏ hồ sơ đang nhập dở để tiếp nhận hồ sơ mới?</source>
        <translation>Drop the intake being typed and start a new one?</translation>
    </message>
    <message>
        <source>Bỏ, nhập hồ sơ mới</source>
        <translation>Drop it, start anew</translation>
    </message>
    <message>
        <source>Tiếp tục nhập</source>
        <translation>Keep typing</translation>
    </message>
    <message>
        <source>Đã mở lại hồ sơ đang nhập dở.</source>
        <translation>The unfinished intake was reopened.</translation>
    </message>
</context>
<context>
    <name>KioskPriority</name>
    <message>
        <source>Người cao tuổi</source>
        <translation>Elderly person</translation>
    </message>
    <message>
        <source>Người khuyết tật</source>
        <translation>Person with a disability</translation>
    </message>
    <message>
        <source>Phụ nữ mang thai</source>
        <translation>Pregnant woman</translation>
    </message>
    <message>
        <source>Có lịch hẹn</source>
        <translation>Have an appointment</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Máy lấy số thứ tự</source>
        <translation>Queue ticket kiosk</translation>
    </message>
    <message>
        <source>Chạm vào dịch vụ cần giải quyết để nhận phiếu số thứ tự.</source>
        <translation>Touch the service you need to get a queue ticket.</translation>
    </message>
    <message>
        <source>Chưa lấy được số, xin Ông/Bà thử lại hoặc hỏi cán bộ hướng dẫn.</source>
        <translation>No ticket could be issued. Please try again or ask a staff member.</translation>
    </message>
    <message>
        <source>Chọn dịch vụ cho phiếu ưu tiên</source>
        <translation>Choose the service for your priority ticket</translation>
    </message>
    <message>
        <source>Phiếu ưu tiên: %1  —  chạm để bỏ chọn</source>
        <translation>Priority ticket: %1  —  touch to cancel</translation>
    </message>
    <message>
        <source>Xin mời chọn dịch vụ để lấy số thứ tự</source>
        <translation>Please choose a service to get a queue ticket</translation>
    </message>
    <message>
        <source>Người cao tuổi, người khuyết tật, phụ nữ mang thai, có lịch hẹn: chạm vào đây để lấy số ưu tiên</source>
        <translation>Elderly, disabled, pregnant or with an appointment: touch here for a priority ticket</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên hoặc lãnh đạo mới thoát được.</source>
        <translation>Only an administrator or supervisor can leave the kiosk.</translation>
    </message>
</context>
<context>
    <name>LiveModel</name>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Hạn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Quá hạn / còn</source>
        <translation>Overdue / left</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đang giữ</source>
        <translation>Held by</translation>
    </message>
    <message>
        <source>%1 giờ</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 ngày</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>quá %1</source>
        <translation>%1 over</translation>
    </message>
    <message>
        <source>còn %1</source>
        <translation>%1 left</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Màn hình đã khóa</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Tên đăng nhập của quản trị viên</source>
        <translation>Administrator&apos;s username</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Quản trị viên: đổi người dùng</source>
        <translation>Administrator: switch user</translation>
    </message>
    <message>
        <source>%1 (%2) đã rời quầy. Nhập mật khẩu để tiếp tục.</source>
        <translation>%1 (%2) left the desk. Enter the password to continue.</translation>
    </message>
    <message>
        <source>Đăng nhập và đổi người dùng</source>
        <translation>Sign in and switch user</translation>
    </message>
    <message>
        <source>Quay lại mở khóa</source>
        <translation>Back to unlock</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Đóng thông báo</source>
        <translation>Close the message</translation>
    </message>
</context>
<context>
    <name>MissingModel</name>
    <message>
        <source>Bổ sung</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>Giấy tờ (* bắt buộc)</source>
        <translation>Document (* required)</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Số bản</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Ghi chú (cần sửa gì)</source>
        <translation>Note (what to fix)</translation>
    </message>
</context>
<context>
    <name>NotReadyCard</name>
    <message>
        <source>Chưa trả được hồ sơ này</source>
        <translation>This dossier cannot be returned yet</translation>
    </message>
    <message>
        <source>Mở ở trang Tra cứu hồ sơ (F3)</source>
        <translation>Open it on the Dossiers page (F3)</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <source>4. Nộp và trả kết quả</source>
        <translation>4. Handing in and the result</translation>
    </message>
    <message>
        <source>Trực tiếp</source>
        <translation>At the desk</translation>
    </message>
    <message>
        <source>Bưu chính công ích</source>
        <translation>Public postal service</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Mã vận đơn trên bì thư, ví dụ EB123456785VN</source>
        <translation>Tracking number on the envelope, e.g. EB123456785VN</translation>
    </message>
    <message>
        <source>Mã vận đơn đến</source>
        <translation>Incoming tracking no.</translation>
    </message>
    <message>
        <source>Trả kết quả qua bưu điện (Alt+B)</source>
        <translation>Return the result by post (Alt+B)</translation>
    </message>
    <message>
        <source>Địa chỉ nhận kết quả</source>
        <translation>Address for the result</translation>
    </message>
    <message>
        <source>Điện thoại người nhận</source>
        <translation>Receiver&apos;s phone</translation>
    </message>
    <message>
        <source>Địa chỉ nhận</source>
        <translation>Deliver to</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Số bộ</source>
        <translation>Sets</translation>
    </message>
    <message>
        <source>Hình thức nộp</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Ghi chú của cán bộ tiếp nhận (không bắt buộc)</source>
        <translation>The receiving officer&apos;s note (optional)</translation>
    </message>
    <message>
        <source>Mã vận đơn không đúng: 2 chữ, 9 số, VN (ví dụ EB123456785VN).</source>
        <translation>Bad tracking number: 2 letters, 9 digits, VN (e.g. EB123456785VN).</translation>
    </message>
    <message>
        <source>Trả kết quả qua bưu điện cần địa chỉ nhận.</source>
        <translation>Returning by post needs an address.</translation>
    </message>
    <message>
        <source>Trả kết quả qua bưu điện cần số điện thoại người nhận hợp lệ.</source>
        <translation>Returning by post needs the receiver&apos;s valid phone number.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Quay lại (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
</context>
<context>
    <name>PagesModel</name>
    <message>
        <source>Trang %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>TP %1</source>
        <translation>Item %1</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
        <source>… và %n trang nữa: mở bằng trình xem PDF để xem hết.</source>
        <translation>
            <numerusform>… and %n more page: open it in the PDF viewer to see all.</numerusform>
            <numerusform>… and %n more pages: open it in the PDF viewer to see all.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mở bằng trình xem PDF</source>
        <translation>Open in the PDF viewer</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Theo tháng</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>Từ ngày – đến ngày</source>
        <translation>From – to</translation>
    </message>
    <message>
        <source>Số liệu quầy này</source>
        <translation>This desk&apos;s data</translation>
    </message>
    <message>
        <source>Toàn Trung tâm (CSDL trung tâm)</source>
        <translation>Whole center (central database)</translation>
    </message>
    <message>
        <source>Quầy chưa kết nối CSDL trung tâm</source>
        <translation>This desk is not joined to a central database</translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation>Period</translation>
    </message>
</context>
<context>
    <name>PostalPage</name>
    <message>
        <source>Quét bàn giao</source>
        <translation>Handover scanning</translation>
    </message>
    <message>
        <source>Biên bản</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>Chuyển phát kết quả</source>
        <translation>Results by post</translation>
    </message>
    <message>
        <source>Theo dõi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Tạo biên bản mới</source>
        <translation>New batch</translation>
    </message>
    <message>
        <source>Đóng biên bản, ghi tên người giao, người nhận</source>
        <translation>Close the batch, with the names of who hands over and who receives</translation>
    </message>
    <message>
        <source>Bỏ mã vừa quét</source>
        <translation>Undo last scan</translation>
    </message>
    <message>
        <source>Về ô quét mã</source>
        <translation>Back to the scan field</translation>
    </message>
    <message>
        <source>Giao kết quả đã chọn cho bưu điện</source>
        <translation>Hand the chosen result to the post</translation>
    </message>
    <message>
        <source>Đánh dấu đã phát</source>
        <translation>Mark as delivered</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Thẻ Quét bàn giao</source>
        <translation>Handover scanning tab</translation>
    </message>
    <message>
        <source>Thẻ Biên bản</source>
        <translation>Batches tab</translation>
    </message>
    <message>
        <source>Thẻ Chuyển phát kết quả</source>
        <translation>Results by post tab</translation>
    </message>
    <message>
        <source>Thẻ Theo dõi</source>
        <translation>Follow-up tab</translation>
    </message>
    <message>
        <source>Không có bưu gửi mã vận đơn %1 trong danh sách.</source>
        <translation>No item with tracking number %1 in the list.</translation>
    </message>
    <message>
        <source>Hồ sơ %1 không có trong danh sách chờ gửi hay đã gửi.</source>
        <translation>Dossier %1 is neither waiting for the post nor sent.</translation>
    </message>
</context>
<context>
    <name>PostalPrint</name>
    <message>
        <source>Biên bản A4: %1</source>
        <translation>A4 record: %1</translation>
    </message>
    <message>
        <source>đã gửi máy in A4</source>
        <translation>sent to the A4 printer</translation>
    </message>
    <message>
        <source>phiếu tóm tắt đã gửi máy in nhiệt</source>
        <translation>summary sent to the thermal printer</translation>
    </message>
    <message>
        <source>chưa in được: %1</source>
        <translation>not printed: %1</translation>
    </message>
</context>
<context>
    <name>PriorityPanel</name>
    <message>
        <source>Ông/Bà thuộc diện ưu tiên nào?</source>
        <translation>Which priority applies to you?</translation>
    </message>
    <message>
        <source>Phiếu ưu tiên được gọi trước. Cán bộ có thể đề nghị xuất trình giấy tờ.</source>
        <translation>Priority tickets are called first. Staff may ask to see a document.</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Go back</translation>
    </message>
</context>
<context>
    <name>ProcedurePanel</name>
    <message>
        <source>1. Thủ tục</source>
        <translation>1. Procedure</translation>
    </message>
    <message>
        <source>Alt+T</source>
        <translation>Alt+T</translation>
    </message>
    <message>
        <source>Tên, mã hoặc chữ đầu của thủ tục (ví dụ: gplx)</source>
        <translation>Name, code or initials of the procedure (e.g. gplx)</translation>
    </message>
    <message>
        <source>Mọi cơ quan</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Gõ vài chữ của tên thủ tục, mã thủ tục, hoặc chữ đầu các từ (gplx: Cấp giấy phép lái xe), rồi Enter để chọn thủ tục đầu danh sách; mũi tên xuống để chọn thủ tục khác.</source>
        <translation>Type a few letters of the procedure&apos;s name, its code, or the initials of its words (gplx: Cấp giấy phép lái xe), then Enter to take the first one; the down arrow to choose another.</translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục nào khớp “%1”. Thử tên khác, mã thủ tục, hoặc bỏ lọc cơ quan.</source>
        <translation>No procedure matches “%1”. Try another name, the procedure&apos;s code, or all departments.</translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục nào khớp “%1”.</source>
        <translation>No procedure matches “%1”.</translation>
    </message>
</context>
<context>
    <name>ProcedureSummaryView</name>
    <message>
        <source>Thời hạn</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>4 tại chỗ</source>
        <translation>settled on the spot</translation>
    </message>
    <message>
        <source>Không thu phí</source>
        <translation>No fee</translation>
    </message>
    <message>
        <source>%1 đồng</source>
        <translation>%1 dong</translation>
    </message>
    <message>
        <source>Nhận hồ sơ sáng thứ Bảy</source>
        <translation>Received on Saturday mornings</translation>
    </message>
    <message>
        <source>Không nhận hồ sơ thứ Bảy</source>
        <translation>Not received on Saturdays</translation>
    </message>
</context>
<context>
    <name>QueueBar</name>
    <message>
        <source>Gọi số tiếp (F11)</source>
        <translation>Call next (F11)</translation>
    </message>
    <message>
        <source>Gọi lại (F12)</source>
        <translation>Recall (F12)</translation>
    </message>
    <message>
        <source>Vắng mặt</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Chuyển…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>Kết thúc</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Bắt đầu phục vụ</source>
        <translation>Start serving</translation>
    </message>
    <message>
        <source>Phục vụ: tiếp nhận hồ sơ mới</source>
        <translation>Serve: receive a new dossier</translation>
    </message>
    <message>
        <source>Phục vụ: trả kết quả</source>
        <translation>Serve: return a result</translation>
    </message>
    <message>
        <source>Phục vụ: mở hồ sơ theo mã</source>
        <translation>Serve: open a dossier by code</translation>
    </message>
    <message>
        <source>Xong, gọi số tiếp (F11)</source>
        <translation>Done, call next (F11)</translation>
    </message>
    <message>
        <source>Chưa gọi số nào</source>
        <translation>No ticket called yet</translation>
    </message>
    <message>
        <source>người cao tuổi</source>
        <translation>elderly</translation>
    </message>
    <message>
        <source>người khuyết tật</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>phụ nữ mang thai</source>
        <translation>pregnant</translation>
    </message>
    <message>
        <source>người có con nhỏ</source>
        <translation>with a small child</translation>
    </message>
    <message>
        <source>có hẹn</source>
        <translation>appointment</translation>
    </message>
    <message>
        <source>Bấm F11 để mời công dân tiếp theo</source>
        <translation>Press F11 to call the next citizen</translation>
    </message>
    <message numerus="yes">
        <source>đã chờ %n phút</source>
        <translation>
            <numerusform>waited %n minute</numerusform>
            <numerusform>waited %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Đang phục vụ %1</source>
        <translation>Serving for %1</translation>
    </message>
    <message>
        <source>Đã gọi, chờ đến quầy %1</source>
        <translation>Called, coming to the desk for %1</translation>
    </message>
    <message>
        <source>Ưu tiên: %1</source>
        <translation>Priority: %1</translation>
    </message>
    <message>
        <source>Mất kết nối trung tâm:
chỉ gọi số quầy này cấp (%1 chờ)</source>
        <translation>Center unreachable:
only this desk&apos;s own tickets (%1 waiting)</translation>
    </message>
    <message>
        <source>Không còn ai chờ</source>
        <translation>Nobody waiting</translation>
    </message>
    <message>
        <source>Đang chờ: %1</source>
        <translation>Waiting: %1</translation>
    </message>
    <message>
        <source>Khi mất kết nối, quầy chỉ gọi được các số chính quầy này cấp trong lúc mất mạng; các số khác gọi được khi có lại kết nối trung tâm. Số chờ theo dịch vụ dưới đây là những gì máy này biết.</source>
        <translation>While the center is unreachable, this desk calls only the tickets it issued itself meanwhile; the others can be called once the center answers again. The waiting counts per service below are what this machine knows.</translation>
    </message>
    <message>
        <source>Chưa có số nào đang được gọi ở quầy này.</source>
        <translation>No ticket is being called at this desk.</translation>
    </message>
    <message>
        <source>Số %1 vừa được gọi: bấm Bắt đầu phục vụ, Vắng mặt hoặc Chuyển trước khi gọi số tiếp.</source>
        <translation>Ticket %1 has just been called: press Start serving, No-show or Transfer before calling the next.</translation>
    </message>
    <message>
        <source>Mời số %1 đến %2</source>
        <translation>Ticket %1, please come to %2</translation>
    </message>
    <message>
        <source>Không còn ai chờ trong số quầy này cấp khi mất mạng; các số khác gọi được khi có lại kết nối trung tâm.</source>
        <translation>Nobody is waiting among the tickets this desk issued while offline; the others can be called once the center answers again.</translation>
    </message>
    <message>
        <source>Không còn ai chờ.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <source>Đã gọi lại số %1</source>
        <translation>Ticket %1 called again</translation>
    </message>
    <message>
        <source>Số %1 vắng mặt</source>
        <translation>Ticket %1: no-show</translation>
    </message>
    <message>
        <source>Đã phục vụ xong số %1</source>
        <translation>Finished serving ticket %1</translation>
    </message>
    <message>
        <source>Đã chuyển số %1 sang quầy số %2</source>
        <translation>Ticket %1 transferred to desk %2</translation>
    </message>
    <message>
        <source>Đã chuyển số %1 sang dịch vụ %2</source>
        <translation>Ticket %1 transferred to service %2</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Không hài lòng</source>
        <translation>Unsatisfied</translation>
    </message>
    <message>
        <source>Phải chờ lâu</source>
        <translation>Long wait</translation>
    </message>
    <message>
        <source>Hướng dẫn chưa rõ ràng</source>
        <translation>Unclear guidance</translation>
    </message>
    <message>
        <source>Thái độ phục vụ chưa tốt</source>
        <translation>Poor attitude</translation>
    </message>
    <message>
        <source>Trả kết quả trễ hẹn</source>
        <translation>Result later than promised</translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <source>3. Mời công dân đánh giá mức độ hài lòng</source>
        <translation>3. Ask the citizen to rate their satisfaction</translation>
    </message>
    <message>
        <source>Lý do không hài lòng (bắt buộc)</source>
        <translation>Why unsatisfied (required)</translation>
    </message>
    <message>
        <source>Ví dụ: phải chờ lâu, hướng dẫn chưa rõ</source>
        <translation>E.g. long wait, unclear guidance</translation>
    </message>
    <message>
        <source>Ghi nhận đánh giá</source>
        <translation>Record the rating</translation>
    </message>
    <message>
        <source>Công dân không đánh giá, bỏ qua (Esc)</source>
        <translation>The citizen does not rate: skip (Esc)</translation>
    </message>
    <message>
        <source>Màn hình đánh giá đang hiện trên màn hình thứ hai, hướng về công dân. Công dân bấm chọn ở đó; hoặc bạn bấm thay theo lời công dân.</source>
        <translation>The rating is shown on the second screen, facing the citizen. The citizen chooses there, or you choose for them as they say.</translation>
    </message>
    <message>
        <source>Cần ghi lý do khi công dân không hài lòng.</source>
        <translation>A reason is required when the citizen is unsatisfied.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Hồ sơ %1</source>
        <translation>Dossier %1</translation>
    </message>
    <message>
        <source>Lý do (bắt buộc, sẽ ghi vào diễn biến hồ sơ)</source>
        <translation>Reason (required; recorded in the dossier&apos;s history)</translation>
    </message>
    <message>
        <source>Cần ghi lý do trước khi ghi nhận.</source>
        <translation>A reason is required.</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <source>Từ chối tiếp nhận hồ sơ (mẫu 03)</source>
        <translation>Refuse to receive the dossier (form 03)</translation>
    </message>
    <message>
        <source>Ghi và in phiếu (Ctrl+Enter)</source>
        <translation>Record and print (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Ví dụ: Thủ tục không thuộc thẩm quyền giải quyết của các cơ quan tiếp nhận tại Trung tâm.</source>
        <translation>E.g.: the procedure is not handled by the departments received at the center.</translation>
    </message>
    <message>
        <source>Lý do từ chối (bắt buộc, in trên phiếu)</source>
        <translation>Reason for the refusal (required, printed on the form)</translation>
    </message>
    <message>
        <source>Cần ghi lý do từ chối tiếp nhận.</source>
        <translation>Write the reason for the refusal.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Xuất PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>Xuất Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>Tiếp nhận theo hình thức</source>
        <translation>Received by channel</translation>
    </message>
    <message>
        <source>Mức độ hài lòng</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Kết quả giải quyết</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>Xu hướng 12 tháng</source>
        <translation>12-month trend</translation>
    </message>
    <message>
        <source>Tổng hợp</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Theo đơn vị</source>
        <translation>By department</translation>
    </message>
    <message>
        <source>Theo thủ tục</source>
        <translation>By procedure</translation>
    </message>
    <message>
        <source>Danh sách quá hạn / sắp đến hạn</source>
        <translation>Overdue / due soon</translation>
    </message>
    <message>
        <source>Làm mới báo cáo</source>
        <translation>Refresh the report</translation>
    </message>
    <message>
        <source> ngày làm việc</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>Tất cả đơn vị</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Quá hạn hoặc đến hạn trong vòng</source>
        <translation>Overdue or due within</translation>
    </message>
    <message>
        <source>Enter hoặc nhấp đúp: mở hồ sơ</source>
        <translation>Enter or double-click: open the dossier</translation>
    </message>
    <message>
        <source>Đang tính…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Không tính được báo cáo</source>
        <translation>The report could not be computed</translation>
    </message>
    <message>
        <source>%1 · lập lúc %2</source>
        <translation>%1 · made at %2</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Settled</translation>
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>%1 hồ sơ quá hạn, %2 sắp đến hạn</source>
        <translation>%1 overdue, %2 due soon</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>Đang ghi %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <source>Đã lưu báo cáo vào %1</source>
        <translation>Report saved to %1</translation>
    </message>
    <message>
        <source>Đã lưu %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Chưa lưu được báo cáo</source>
        <translation>The report was not saved</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Hẹn trả kết quả</source>
        <translation>Result due</translation>
    </message>
    <message>
        <source>Mã tra cứu</source>
        <translation>Look-up code</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Giấy tờ in</source>
        <translation>Papers</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ mới (Ctrl+N)</source>
        <translation>New intake (Ctrl+N)</translation>
    </message>
    <message>
        <source>Mở thư mục phiếu</source>
        <translation>Open the forms folder</translation>
    </message>
    <message>
        <source>Quét CCCD của người kế tiếp để bắt đầu ngay.</source>
        <translation>Scan the next citizen&apos;s ID card to start at once.</translation>
    </message>
    <message>
        <source>Đang tạo phiếu…</source>
        <translation>Making the papers…</translation>
    </message>
    <message>
        <source>Giấy hẹn (máy in nhiệt)</source>
        <translation>Slip (receipt printer)</translation>
    </message>
    <message>
        <source>%1 (máy in A4)</source>
        <translation>%1 (A4 printer)</translation>
    </message>
    <message>
        <source>Thư mục phiếu: %1</source>
        <translation>Forms folder: %1</translation>
    </message>
    <message>
        <source>Không có phiếu nào được tạo.</source>
        <translation>No paper was made.</translation>
    </message>
    <message>
        <source>đã in</source>
        <translation>printed</translation>
    </message>
    <message>
        <source>lỗi: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>chưa in được, sẽ thử lại: %1</source>
        <translation>not printed yet, will retry: %1</translation>
    </message>
    <message>
        <source>đang gửi tới %1</source>
        <translation>sending to %1</translation>
    </message>
</context>
<context>
    <name>ReturnIntro</name>
    <message>
        <source>Trả kết quả cho công dân</source>
        <translation>Returning results to citizens</translation>
    </message>
    <message>
        <source>Quét mã vạch trên giấy hẹn trả kết quả của công dân, hoặc gõ mã hồ sơ vào ô phía trên rồi nhấn Enter.</source>
        <translation>Scan the barcode on the citizen&apos;s appointment slip, or type the dossier code in the box above and press Enter.</translation>
    </message>
    <message>
        <source>1. Mở hồ sơ: chỉ trả được hồ sơ “Đã xử lý xong”.</source>
        <translation>1. Open the dossier: only a dossier whose result is ready can be returned.</translation>
    </message>
    <message>
        <source>2. Kiểm tra CCCD người nhận (chính người nộp, hoặc người nhận thay có giấy ủy quyền), rồi xác nhận trả (Ctrl+Enter): hồ sơ chuyển sang “Đã trả kết quả”, phiếu trả kết quả được in nếu có máy in nhiệt.</source>
        <translation>2. Check the taker&apos;s ID card (the applicant, or someone else with an authorization), then confirm (Ctrl+Enter): the dossier becomes “Result returned”, and the slip prints if there is a receipt printer.</translation>
    </message>
    <message>
        <source>3. Mời công dân đánh giá mức độ hài lòng (phím 1, 2, 3), hoặc bỏ qua (Esc). Có màn hình thứ hai thì công dân tự bấm trên màn hình đó.</source>
        <translation>3. Ask the citizen to rate their satisfaction (keys 1, 2, 3), or skip (Esc). With a second screen, the citizen chooses on it.</translation>
    </message>
</context>
<context>
    <name>ReturnSummary</name>
    <message>
        <source>Kết quả đã sẵn sàng: kiểm tra CCCD người nhận rồi trả.</source>
        <translation>The result is ready: check the taker&apos;s ID card, then return it.</translation>
    </message>
    <message>
        <source>Hồ sơ đã trả kết quả lúc %1.</source>
        <translation>The result was returned at %1.</translation>
    </message>
    <message>
        <source>Chưa trả được: hồ sơ đang ở trạng thái “%1”.</source>
        <translation>Cannot be returned: the dossier is “%1”.</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <source>Đã đăng ký nhận kết quả qua bưu điện: %1</source>
        <translation>Registered to receive the result by post: %1</translation>
    </message>
    <message>
        <source>Chưa trả được: hồ sơ đang ở trạng thái “%1”, chưa có kết quả. Khi kết quả về từ cơ quan giải quyết, ghi nhận ở trang Tra cứu hồ sơ (F3, Alt+K) rồi trả.</source>
        <translation>Cannot be returned yet: the dossier is “%1”, with no result. When the result comes back from the department, record it on the Dossiers page (F3, Alt+K), then return it.</translation>
    </message>
    <message>
        <source>Không trả được: hồ sơ đang ở trạng thái “%1”. Chỉ trả được hồ sơ “Đã xử lý xong”.</source>
        <translation>Cannot be returned: the dossier is “%1”. Only a dossier whose result is ready can be returned.</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Quét mã vạch trên giấy hẹn trả kết quả, hoặc gõ mã hồ sơ rồi nhấn Enter</source>
        <translation>Scan the barcode on the appointment slip, or type the dossier code and press Enter</translation>
    </message>
    <message>
        <source>Mở hồ sơ</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Xác nhận trả kết quả</source>
        <translation>Confirm the return</translation>
    </message>
    <message>
        <source>Bỏ qua đánh giá; khi chưa trả: làm lại từ đầu</source>
        <translation>Skip the rating; before the return: start over</translation>
    </message>
    <message>
        <source>Chưa đánh giá: công dân trước đã rời quầy.</source>
        <translation>Not rated: the last citizen has left the desk.</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào của %1 (CCCD %2) đang chờ trả kết quả.</source>
        <translation>No result is waiting for %1 (ID %2).</translation>
    </message>
    <message numerus="yes">
        <source>%1 có %n hồ sơ đang chờ trả kết quả: chọn hồ sơ cần trả.</source>
        <translation>
            <numerusform>%1 has %n result waiting: choose the dossier to return.</numerusform>
            <numerusform>%1 has %n results waiting: choose the dossier to return.</numerusform>
        </translation>
    </message>
    <message>
        <source>Đã trả kết quả hồ sơ %1 cho %2.</source>
        <translation>Result of dossier %1 returned to %2.</translation>
    </message>
    <message>
        <source>Phiếu trả kết quả đang được in.</source>
        <translation>The slip is printing.</translation>
    </message>
    <message>
        <source>Chưa in được phiếu: %1</source>
        <translation>The slip was not printed: %1</translation>
    </message>
    <message>
        <source>Đã ghi nhận đánh giá: %1.</source>
        <translation>Rating recorded: %1.</translation>
    </message>
    <message>
        <source>Công dân không đánh giá; không ghi nhận gì.</source>
        <translation>The citizen did not rate; nothing recorded.</translation>
    </message>
    <message>
        <source>Vừa trả: %1 cho %2. %3</source>
        <translation>Just returned: %1 to %2. %3</translation>
    </message>
</context>
<context>
    <name>ReviewListDialog</name>
    <message>
        <source>Hồ sơ có thay đổi trùng nhau</source>
        <translation>Dossiers with conflicting changes</translation>
    </message>
    <message>
        <source>Hồ sơ có thay đổi trùng nhau cần xem lại</source>
        <translation>Dossiers with conflicting changes to review</translation>
    </message>
    <message>
        <source>Khi mất kết nối, hai quầy cùng sửa một nội dung của các hồ sơ này. Chọn một hồ sơ rồi bấm Enter (hoặc nhấp đúp, hoặc bấm “Xem lại”) để xem và giải quyết từng thay đổi.</source>
        <translation>While offline, two desks changed the same item of these dossiers. Choose a dossier, then press Enter (or double-click, or click “Review”) to see and settle each change.</translation>
    </message>
    <message>
        <source>Xem lại</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Không còn hồ sơ nào cần xem lại.</source>
        <translation>No dossiers left to review.</translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ cần xem lại.</source>
        <translation>
            <numerusform>%n dossier to review.</numerusform>
            <numerusform>%n dossiers to review.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nhận %1</source>
        <translation>Received %1</translation>
    </message>
</context>
<context>
    <name>ReviewTray</name>
    <message>
        <source>Trang chờ xem xét</source>
        <translation>Pages for review</translation>
    </message>
    <message>
        <source>Mã hồ sơ (gõ hoặc quét)</source>
        <translation>Dossier code (type or scan)</translation>
    </message>
    <message>
        <source>Đưa vào hồ sơ</source>
        <translation>Put into dossier</translation>
    </message>
    <message>
        <source>Bỏ trang</source>
        <translation>Discard</translation>
    </message>
    <message numerus="yes">
        <source>Trang chờ xem xét (%n)</source>
        <translation>
            <numerusform>Pages for review (%n)</numerusform>
            <numerusform>Pages for review (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>trang trước phiếu kiểm soát đầu tiên</source>
        <translation>page before the first control sheet</translation>
    </message>
    <message>
        <source>mã hồ sơ không có trong hệ thống: %1</source>
        <translation>unknown dossier code: %1</translation>
    </message>
    <message>
        <source>phiếu kiểm soát %1 không có trang theo sau</source>
        <translation>control sheet %1 followed by no page</translation>
    </message>
    <message>
        <source>tệp hỏng hoặc không đọc được</source>
        <translation>damaged or unreadable file</translation>
    </message>
    <message numerus="yes">
        <source>Đã đưa %n trang vào hồ sơ %1.</source>
        <translation>
            <numerusform>Put %n page into dossier %1.</numerusform>
            <numerusform>Put %n pages into dossier %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đã bỏ %n trang.</source>
        <translation>
            <numerusform>Discarded %n page.</numerusform>
            <numerusform>Discarded %n pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <source>Hồ sơ đang số hóa</source>
        <translation>Dossier being digitized</translation>
    </message>
    <message>
        <source>Tách lô nhiều hồ sơ</source>
        <translation>Split a stack of dossiers</translation>
    </message>
    <message>
        <source>Nhập tệp ảnh hoặc PDF</source>
        <translation>Import image or PDF files</translation>
    </message>
    <message>
        <source>Lấy các tệp trong thư mục quét</source>
        <translation>Take the files in the scan folder</translation>
    </message>
    <message>
        <source>Đóng hồ sơ, về danh sách chờ số hóa</source>
        <translation>Close the dossier, back to the dossiers waiting to be digitized</translation>
    </message>
    <message>
        <source>Làm mới danh sách chờ số hóa</source>
        <translation>Refresh the dossiers waiting to be digitized</translation>
    </message>
    <message>
        <source>Lưu: đính kèm mỗi thành phần một PDF</source>
        <translation>Save: attach one PDF per checklist item</translation>
    </message>
    <message>
        <source>Xoay phải 90°</source>
        <translation>Turn right 90°</translation>
    </message>
    <message>
        <source>Xoay trái 90°</source>
        <translation>Turn left 90°</translation>
    </message>
    <message>
        <source>Xóa trang đã chọn</source>
        <translation>Delete the selected pages</translation>
    </message>
    <message>
        <source>Hoàn tác lần xóa trước</source>
        <translation>Undo the last delete</translation>
    </message>
    <message>
        <source>Chuyển trang sang trái</source>
        <translation>Move pages left</translation>
    </message>
    <message>
        <source>Chuyển trang sang phải</source>
        <translation>Move pages right</translation>
    </message>
    <message>
        <source>Gán trang cho thành phần đã chọn</source>
        <translation>Assign pages to the chosen item</translation>
    </message>
    <message>
        <source>Xem PDF đã đính kèm</source>
        <translation>View the attached PDF</translation>
    </message>
    <message>
        <source>Tách lô đã chọn</source>
        <translation>Split the chosen stack</translation>
    </message>
    <message>
        <source>Hủy tách lô</source>
        <translation>Cancel the split</translation>
    </message>
    <message>
        <source>Hồ sơ %1 còn trang chưa lưu: lưu (Ctrl+S) hoặc xóa trước.</source>
        <translation>Dossier %1 has unsaved pages: save (Ctrl+S) or delete them first.</translation>
    </message>
    <message>
        <source>Nhập tệp quét</source>
        <translation>Import scanned files</translation>
    </message>
    <message>
        <source>Ảnh quét và PDF</source>
        <translation>Scanned images and PDF</translation>
    </message>
    <message>
        <source>Đang đọc các trang…</source>
        <translation>Reading the pages…</translation>
    </message>
    <message numerus="yes">
        <source>Đã lưu %n trang vào hồ sơ %1</source>
        <translation>
            <numerusform>Saved %n page to dossier %1</numerusform>
            <numerusform>Saved %n pages to dossier %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tệp PDF</source>
        <translation>
            <numerusform>%n PDF file</numerusform>
            <numerusform>%n PDF files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanWorkspace</name>
    <message>
        <source>Chưa mở hồ sơ</source>
        <translation>No dossier open</translation>
    </message>
    <message>
        <source>Mã hồ sơ (gõ hoặc quét)</source>
        <translation>Dossier code (type or scan)</translation>
    </message>
    <message>
        <source>Mở hồ sơ</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <source>Đóng hồ sơ (Ctrl+W)</source>
        <translation>Close dossier (Ctrl+W)</translation>
    </message>
    <message>
        <source>Quét mã vạch trên phiếu kiểm soát hoặc giấy hẹn, gõ mã hồ sơ (Ctrl+F), hoặc chọn “Số hóa” ở trang Tra cứu hồ sơ, để mở hồ sơ cần số hóa. Sau đó: nhập tệp ảnh hoặc PDF, hay lấy các tệp máy quét vừa gửi vào thư mục quét; sắp xếp, xoay, bỏ trang thừa; gán trang cho từng thành phần hồ sơ; lưu: mỗi thành phần thành một tệp PDF đính kèm hồ sơ.</source>
        <translation>Scan the barcode on the control sheet or the appointment slip, type the dossier code (Ctrl+F), or choose “Digitize” on the Dossiers page, to open the dossier to digitize. Then: import image or PDF files, or take the files the scanner just sent to the scan folder; arrange, turn, drop extra pages; assign pages to each checklist item; save: each item becomes one PDF attached to the dossier.</translation>
    </message>
    <message>
        <source>Nhập tệp… (Ctrl+O)</source>
        <translation>Import files… (Ctrl+O)</translation>
    </message>
    <message>
        <source>Lấy từ thư mục quét (Ctrl+T)</source>
        <translation>Take from scan folder (Ctrl+T)</translation>
    </message>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Gán trang đã chọn (Ctrl+G)</source>
        <translation>Assign selected pages (Ctrl+G)</translation>
    </message>
    <message>
        <source>Thành phần hồ sơ:</source>
        <translation>Checklist item:</translation>
    </message>
    <message>
        <source>Kéo thả hoặc Ctrl+←/→ để đổi thứ tự · R / Shift+R xoay · Del xóa · Ctrl+Z hoàn tác</source>
        <translation>Drag or Ctrl+←/→ to reorder · R / Shift+R turn · Del delete · Ctrl+Z undo</translation>
    </message>
    <message>
        <source>Chọn một trang để xem lớn</source>
        <translation>Select a page to see it large</translation>
    </message>
    <message>
        <source>Xem PDF (Ctrl+P)</source>
        <translation>View PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>Tệp đã đính kèm</source>
        <translation>Attached files</translation>
    </message>
    <message>
        <source>Hồ sơ chung (không thuộc thành phần nào)</source>
        <translation>Whole dossier (no checklist item)</translation>
    </message>
    <message numerus="yes">
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đã thêm %n trang</source>
        <translation>
            <numerusform>Added %n page</numerusform>
            <numerusform>Added %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bỏ %n trang trắng</source>
        <translation>
            <numerusform>dropped %n blank page</numerusform>
            <numerusform>dropped %n blank pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trang/tệp không đọc được</source>
        <translation>
            <numerusform>%n unreadable page or file</numerusform>
            <numerusform>%n unreadable pages or files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đã xóa %n trang (Ctrl+Z để hoàn tác).</source>
        <translation>
            <numerusform>Deleted %n page (Ctrl+Z to undo).</numerusform>
            <numerusform>Deleted %n pages (Ctrl+Z to undo).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đã khôi phục %n trang.</source>
        <translation>
            <numerusform>Restored %n page.</numerusform>
            <numerusform>Restored %n pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đã gán %n trang cho “%1”.</source>
        <translation>
            <numerusform>Assigned %n page to “%1”.</numerusform>
            <numerusform>Assigned %n pages to “%1”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Gửi kết quả qua bưu điện</source>
        <translation>Send the result by post</translation>
    </message>
    <message>
        <source>Quét mã vạch trên nhãn, hoặc gõ mã vận đơn</source>
        <translation>Scan the label&apos;s barcode, or type the tracking number</translation>
    </message>
    <message numerus="yes">
        <source>Lấy số từ kho (còn %n số)</source>
        <translation>
            <numerusform>Take a number from the pool (%n left)</numerusform>
            <numerusform>Take a number from the pool (%n left)</numerusform>
        </translation>
    </message>
    <message>
        <source>Người nhận</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Mã vận đơn</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>Giao cho bưu điện (Ctrl+Enter)</source>
        <translation>Hand to the post (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Số tiếp theo trong kho, gán khi giao</source>
        <translation>The pool&apos;s next number, given when handed over</translation>
    </message>
    <message>
        <source>Cần mã vận đơn: quét nhãn, gõ mã, hoặc chọn “Lấy số từ kho”.</source>
        <translation>A tracking number is needed: scan the label, type it, or choose “Take a number from the pool”.</translation>
    </message>
</context>
<context>
    <name>ServiceCard</name>
    <message>
        <source>Không có người chờ</source>
        <translation>Nobody waiting</translation>
    </message>
    <message numerus="yes">
        <source>%n người đang chờ</source>
        <translation>
            <numerusform>%n person waiting</numerusform>
            <numerusform>%n people waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceModel</name>
    <message>
        <source>Dịch vụ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Đang chờ</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Chờ lâu nhất</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <source>Chờ TB</source>
        <translation>Avg wait</translation>
    </message>
    <message>
        <source>Phục vụ TB</source>
        <translation>Avg service</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Vắng</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <source>Số người đang chờ</source>
        <translation>People waiting now</translation>
    </message>
    <message>
        <source>Người chờ lâu nhất trong số đang chờ</source>
        <translation>The longest wait among those waiting now</translation>
    </message>
    <message>
        <source>Chờ trung bình, từ lúc lấy số đến lúc được gọi</source>
        <translation>Average wait, from taking a ticket to being called</translation>
    </message>
    <message>
        <source>Phục vụ trung bình, từ lúc bắt đầu đến lúc xong</source>
        <translation>Average service time, from start to finish</translation>
    </message>
    <message>
        <source>Số lượt đã phục vụ xong</source>
        <translation>Tickets served</translation>
    </message>
    <message>
        <source>Số lượt gọi mà không có mặt</source>
        <translation>Tickets called whose holder did not come</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Tìm kiếm trên trang</source>
        <translation>Search on the page</translation>
    </message>
    <message>
        <source>Khóa màn hình</source>
        <translation>Lock the screen</translation>
    </message>
    <message>
        <source>Bảng phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Trung tâm Phục vụ hành chính công</source>
        <translation>Public Administrative Service Center</translation>
    </message>
    <message>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Shortcuts</translation>
    </message>
    <message>
        <source>Không mở được hồ sơ %1: trang “%2” không dành cho bạn.</source>
        <translation>Cannot open dossier %1: the “%2” page is not available to you.</translation>
    </message>
    <message>
        <source>Trang “%1” không dành cho bạn.</source>
        <translation>The “%1” page is not available to you.</translation>
    </message>
    <message>
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Quét mã hồ sơ ở bất kỳ đâu để mở hồ sơ; quét CCCD để tiếp nhận</source>
        <translation>Scan a dossier code anywhere to open the dossier; scan an ID card to receive</translation>
    </message>
    <message>
        <source>Chung</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <source>Đã đọc mã QR căn cước, nhưng trang Tiếp nhận không dành cho bạn.</source>
        <translation>An ID card QR was read, but the Intake page is not for your role.</translation>
    </message>
    <message>
        <source>Mã vừa quét bị bộ gõ tiếng Việt đổi thành “%1”. Hãy chuyển Unikey sang chế độ tiếng Anh (chữ E trên biểu tượng; mặc định bấm Ctrl+Shift hoặc Alt+Z) rồi quét lại.</source>
        <translation>The Vietnamese input method changed the scanned code into “%1”. Switch Unikey to English mode (the E on its icon; by default Ctrl+Shift or Alt+Z) and scan again.</translation>
    </message>
    <message>
        <source>Đã quét mã %1, nhưng trang Tra cứu hồ sơ không dành cho bạn.</source>
        <translation>Code %1 was scanned, but the Dossiers page is not for your role.</translation>
    </message>
    <message>
        <source>Mã vạch không phải mã hồ sơ hay mã căn cước: %1</source>
        <translation>This barcode is neither a dossier code nor an ID card: %1</translation>
    </message>
    <message>
        <source>Hồ sơ đang nhập dở</source>
        <translation>Unfinished intake</translation>
    </message>
    <message>
        <source>Có một hồ sơ đang nhập dở, tiếp tục?</source>
        <translation>Continue the unfinished intake?</translation>
    </message>
    <message>
        <source>Tiếp tục nhập</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Bỏ bản nháp</source>
        <translation>Discard the draft</translation>
    </message>
    <message>
        <source>Trang này chưa mở lại được bản nháp.</source>
        <translation>This page cannot reopen the draft yet.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Nhấn Enter để đăng nhập</source>
        <translation>Press Enter to sign in</translation>
    </message>
    <message>
        <source>Máy này: %1</source>
        <translation>This computer: %1</translation>
    </message>
    <message>
        <source>Nhập tên đăng nhập</source>
        <translation>Enter your username</translation>
    </message>
    <message>
        <source>Nhập mật khẩu</source>
        <translation>Enter your password</translation>
    </message>
    <message>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Đang mở cơ sở dữ liệu…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Thử lại</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Không mở được cơ sở dữ liệu</source>
        <translation>The database cannot be opened</translation>
    </message>
</context>
<context>
    <name>StateRow</name>
    <message>
        <source>Thử lại</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Đồng bộ ngay (Ctrl+Shift+S) hoặc xem lỗi gần nhất</source>
        <translation>Sync now (Ctrl+Shift+S) or read the last error</translation>
    </message>
    <message>
        <source>Đồng bộ ngay (Ctrl+Shift+S)</source>
        <translation>Sync now (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Xem lỗi đồng bộ gần nhất…</source>
        <translation>Last sync error…</translation>
    </message>
    <message>
        <source>Chưa đăng nhập</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Chưa chọn quầy</source>
        <translation>No desk chosen</translation>
    </message>
    <message>
        <source>Chưa kết nối trung tâm</source>
        <translation>Not connected to a center</translation>
    </message>
    <message>
        <source>Đang kết nối trung tâm…</source>
        <translation>Connecting to the center…</translation>
    </message>
    <message>
        <source>Đã đồng bộ với trung tâm</source>
        <translation>In sync with the center</translation>
    </message>
    <message numerus="yes">
        <source>Đang gửi %n thay đổi</source>
        <translation>
            <numerusform>Sending %n change</numerusform>
            <numerusform>Sending %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mất kết nối trung tâm · %n thay đổi chờ gửi</source>
        <translation>
            <numerusform>Center unreachable · %n change waiting</numerusform>
            <numerusform>Center unreachable · %n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Mất kết nối trung tâm</source>
        <translation>Center unreachable</translation>
    </message>
    <message>
        <source>lần cuối %1</source>
        <translation>last %1</translation>
    </message>
    <message>
        <source>Không có lỗi đồng bộ.</source>
        <translation>No sync error.</translation>
    </message>
    <message>
        <source>Máy in: chưa cấu hình</source>
        <translation>Printer: not configured</translation>
    </message>
    <message>
        <source>Máy in lỗi: %1</source>
        <translation>Printer error: %1</translation>
    </message>
    <message>
        <source>Máy in: %1</source>
        <translation>Printer: %1</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <source>Chỉ tiêu</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Tỷ lệ</source>
        <translation>Share</translation>
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <source>Theo dịch vụ</source>
        <translation>By service</translation>
    </message>
    <message>
        <source>Trong ngày theo giờ</source>
        <translation>Today by hour</translation>
    </message>
    <message>
        <source>Các quầy</source>
        <translation>Desks</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Không đọc được hàng đợi, đang thử lại</source>
        <translation>Cannot read the queue; retrying</translation>
    </message>
    <message>
        <source>Cập nhật %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <source>Hôm nay %1</source>
        <translation>Today %1</translation>
    </message>
    <message numerus="yes">
        <source>%n đang chờ</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n đã phục vụ</source>
        <translation>
            <numerusform>%n served</numerusform>
            <numerusform>%n served</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lượt lấy số</source>
        <translation>
            <numerusform>%n ticket issued</numerusform>
            <numerusform>%n tickets issued</numerusform>
        </translation>
    </message>
    <message>
        <source>chờ TB %1</source>
        <translation>avg wait %1</translation>
    </message>
    <message>
        <source>Hôm nay chưa có ai lấy số. Trang tự cập nhật: người lấy số ở máy phát số và quầy gọi số sẽ hiện ở đây trong vòng 2 giây; cảnh báo khi có người chờ quá %1 phút.</source>
        <translation>Nobody has taken a ticket today. This page updates itself: tickets from the kiosk and calls at the desks show here within 2 seconds; an alert appears when someone waits over %1 minutes.</translation>
    </message>
    <message>
        <source>Xem lại…</source>
        <translation>Review…</translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ có thay đổi trùng nhau cần xem lại</source>
        <translation>
            <numerusform>%n dossier with conflicting changes to review</numerusform>
            <numerusform>%n dossiers with conflicting changes to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <source>Yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)</source>
        <translation>Request to complete the dossier (form 02)</translation>
    </message>
    <message>
        <source>Ghi và in phiếu (Ctrl+Enter)</source>
        <translation>Record and print (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Giấy tờ khác cần bổ sung: gõ tên rồi Enter</source>
        <translation>Another document to bring: type its name, Enter</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Hồ sơ chưa đầy đủ, chưa đúng thành phần theo quy định.</source>
        <translation>Hồ sơ chưa đầy đủ, chưa đúng thành phần theo quy định.</translation>
    </message>
    <message>
        <source>Giấy tờ cần bổ sung hoặc sửa (Space: chọn)</source>
        <translation>Documents to bring or fix (Space: choose)</translation>
    </message>
    <message>
        <source>Quy định về thành phần hồ sơ tại</source>
        <translation>Where the rules on the documents are</translation>
    </message>
    <message>
        <source>Chọn ít nhất một giấy tờ cần bổ sung (Space), hoặc gõ tên giấy tờ khác.</source>
        <translation>Choose at least one document to bring (Space), or type another one&apos;s name.</translation>
    </message>
    <message>
        <source>Cần ghi lý do yêu cầu bổ sung.</source>
        <translation>Write the reason for the request.</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <source>SỐ THỨ TỰ CỦA ÔNG/BÀ</source>
        <translation>YOUR TICKET NUMBER</translation>
    </message>
    <message>
        <source>Quét mã để theo dõi lượt</source>
        <translation>Scan to follow your turn</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Ưu tiên: %1</source>
        <translation>Priority: %1</translation>
    </message>
    <message>
        <source>Không có ai chờ trước Ông/Bà</source>
        <translation>Nobody is waiting ahead of you</translation>
    </message>
    <message numerus="yes">
        <source>Trước Ông/Bà còn %n người chờ</source>
        <translation>
            <numerusform>%n person is waiting ahead of you</numerusform>
            <numerusform>%n people are waiting ahead of you</numerusform>
        </translation>
    </message>
    <message>
        <source>Lấy số lúc %1, ngày %2</source>
        <translation>Issued at %1 on %2</translation>
    </message>
    <message>
        <source>Đang in phiếu…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <source>Mời Ông/Bà nhận phiếu ở khe bên dưới.</source>
        <translation>Please take your ticket from the slot below.</translation>
    </message>
    <message>
        <source>Máy in tạm thời chưa in được phiếu. Số của Ông/Bà đã được ghi nhận: xin chụp ảnh màn hình này hoặc ghi nhớ số %1, rồi chờ được gọi như bình thường.</source>
        <translation>The printer cannot print your ticket just now. Your number is registered: please take a photo of this screen or remember number %1, then wait to be called as usual.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Chuyển số %1</source>
        <translation>Transfer ticket %1</translation>
    </message>
    <message>
        <source>Sang dịch vụ khác</source>
        <translation>To another service</translation>
    </message>
    <message>
        <source>Sang quầy khác</source>
        <translation>To another desk</translation>
    </message>
    <message>
        <source>Công dân giữ nguyên số và thứ tự đã lấy.</source>
        <translation>The citizen keeps the ticket number and the place in the queue.</translation>
    </message>
    <message>
        <source>Chuyển</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ViewsPanel</name>
    <message>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Đi quá</source>
        <translation>Away for more than</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Đang ở</source>
        <translation>Now at</translation>
    </message>
    <message>
        <source>Từ lúc</source>
        <translation>Since</translation>
    </message>
    <message numerus="yes">
        <source>%n ngày</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Chiều</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Bưu điện</source>
        <translation>Post office</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message numerus="yes">
        <source>Hồ sơ giấy đang đi quá %1 ngày: %n</source>
        <translation>
            <numerusform>Paper dossiers away for more than %1 days: %n</numerusform>
            <numerusform>Paper dossiers away for more than %1 days: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sản lượng %1 tháng gần nhất: %n hồ sơ</source>
        <translation>
            <numerusform>Volumes of the last %1 months: %n dossier</numerusform>
            <numerusform>Volumes of the last %1 months: %n dossiers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolumeChart</name>
    <message>
        <source>Đi Sở/ngành</source>
        <translation>To departments</translation>
    </message>
    <message>
        <source>Sở/ngành trả về</source>
        <translation>Back from departments</translation>
    </message>
    <message>
        <source>Gửi kết quả</source>
        <translation>Results sent</translation>
    </message>
    <message>
        <source>Nộp qua bưu điện</source>
        <translation>Received by post</translation>
    </message>
    <message>
        <source>Chưa có bàn giao nào</source>
        <translation>No handovers yet</translation>
    </message>
</context>
<context>
    <name>WaitingPanel</name>
    <message>
        <source>Hồ sơ chờ số hóa</source>
        <translation>Dossiers waiting to be digitized</translation>
    </message>
    <message>
        <source>Chỉ quầy này</source>
        <translation>This desk only</translation>
    </message>
    <message>
        <source>Chọn một hồ sơ rồi nhấn Enter, hoặc nhấp đúp, để bắt đầu số hóa.</source>
        <translation>Choose a dossier and press Enter, or double-click it, to start digitizing.</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào chờ số hóa</source>
        <translation>No dossiers waiting to be digitized</translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ mới nhất</source>
        <translation>
            <numerusform>%n newest dossier</numerusform>
            <numerusform>%n newest dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Hồ sơ giấy tiếp nhận trực tiếp hoặc qua bưu chính sẽ hiện ở đây cho đến khi có bản số hóa. Quét mã vạch trên phiếu kiểm soát để mở một hồ sơ bất kỳ.</source>
        <translation>Paper dossiers received at the desk or by post are listed here until they have been digitized. Scan the barcode on a control sheet to open any dossier.</translation>
    </message>
    <message>
        <source>Bỏ chọn “Chỉ quầy này” để xem hồ sơ của các quầy khác.</source>
        <translation>Untick “This desk only” to see the other desks&apos; dossiers.</translation>
    </message>
</context>
<context>
    <name>WaitingTableModel</name>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Tiếp nhận lúc</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>Thành phần</source>
        <translation>Documents</translation>
    </message>
    <message numerus="yes">
        <source>%n thành phần</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>Qua bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <source>Trực tiếp tại quầy</source>
        <translation>In person at the desk</translation>
    </message>
    <message>
        <source>quầy này</source>
        <translation>this desk</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>due</name>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Còn hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Tạm dừng, chờ bổ sung</source>
        <translation>Paused, awaiting supplement</translation>
    </message>
</context>
<context>
    <name>intake</name>
    <message>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Bản sao chứng thực</source>
        <translation>Certified copy</translation>
    </message>
    <message>
        <source>Bản photo</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <source>Giấy tiếp nhận và hẹn trả (mẫu 01, 2 liên)</source>
        <translation>Receipt and appointment slip (form 01, 2 copies)</translation>
    </message>
    <message>
        <source>Phiếu kiểm soát quá trình (mẫu 05)</source>
        <translation>Control sheet (form 05)</translation>
    </message>
    <message>
        <source>Phiếu yêu cầu bổ sung (mẫu 02)</source>
        <translation>Request for more documents (form 02)</translation>
    </message>
    <message>
        <source>Phiếu từ chối tiếp nhận (mẫu 03)</source>
        <translation>Refusal (form 03)</translation>
    </message>
    <message>
        <source>%1 giờ %2 phút, ngày %3</source>
        <translation>%1:%2, %3</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Tiếp nhận</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ giấy, in giấy hẹn</source>
        <translation>Receive paper dossiers, print slips</translation>
    </message>
    <message>
        <source>Tra cứu hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Tìm theo mã, tên, CCCD, điện thoại</source>
        <translation>Find by code, name, ID number, phone</translation>
    </message>
    <message>
        <source>Trả kết quả</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Trả kết quả, đánh giá hài lòng</source>
        <translation>Return results, satisfaction ratings</translation>
    </message>
    <message>
        <source>Số hóa</source>
        <translation>Digitization</translation>
    </message>
    <message>
        <source>Quét, sắp xếp, đính kèm; tách lô theo phiếu kiểm soát</source>
        <translation>Scan, arrange, attach; split stacks by control sheet</translation>
    </message>
    <message>
        <source>Bưu chính</source>
        <translation>Postal</translation>
    </message>
    <message>
        <source>Bàn giao hồ sơ, chuyển phát kết quả</source>
        <translation>Dossier handovers, deliveries</translation>
    </message>
    <message>
        <source>Giám sát</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>Hàng đợi và hồ sơ sắp đến hạn</source>
        <translation>Queues and nearly due dossiers</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Số liệu tháng, mức độ hài lòng</source>
        <translation>Monthly figures, satisfaction</translation>
    </message>
    <message>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Danh mục, quầy, người dùng, lịch</source>
        <translation>Catalog, desks, users, calendar</translation>
    </message>
</context>
<context>
    <name>supervisor</name>
    <message>
        <source>%1 giây</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 phút</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 giờ %2 phút</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Đang phục vụ</source>
        <translation>Serving</translation>
    </message>
    <message>
        <source>Đang gọi</source>
        <translation>Calling</translation>
    </message>
    <message>
        <source>Trống</source>
        <translation>Free</translation>
    </message>
</context>
</TS>
