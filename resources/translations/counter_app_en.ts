<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
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
        <name>CounterWindow</name>
        <message>
            <source>Quầy một cửa</source>
            <translation>One-stop counter</translation>
        </message>
        <message>
            <source>Chỉ quản trị viên mới được đổi người dùng khi màn hình đang khóa.</source>
            <translation>Only an administrator may switch user while the screen is locked.</translation>
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
    </context>
    <context>
        <name>DossierTable</name>
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
            <translation>Type a dossier code, an applicant's name, an ID number or a phone number and press Enter. Names may be typed without diacritics: “tran van an” finds “Trần Văn An”.

Scan the barcode on an appointment slip on any screen to open the dossier at once.</translation>
        </message>
    </context>
    <context>
        <name>IntakePage</name>
        <message>
            <source>Tiếp nhận hồ sơ giấy</source>
            <translation>Receiving paper dossiers</translation>
        </message>
        <message>
            <source>Sắp có: tìm thủ tục khi gõ, đọc CCCD bằng máy quét, danh mục giấy tờ, tính hạn trả, in giấy tiếp nhận và hẹn trả kết quả.</source>
            <translation>Coming: procedure search as you type, ID cards read by the scanner, the document checklist, the due time, the receipt and appointment slip.</translation>
        </message>
        <message>
            <source>Đã nhận mã QR căn cước: %1</source>
            <translation>ID card QR received: %1</translation>
        </message>
        <message>
            <source>Đã mở lại hồ sơ đang nhập dở.</source>
            <translation>The unfinished intake was reopened.</translation>
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
            <translation>Administrator's username</translation>
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
        <name>PostalPage</name>
        <message>
            <source>Bưu chính công ích</source>
            <translation>Public postal service</translation>
        </message>
        <message>
            <source>Sắp có: quét mã hồ sơ vào biên bản bàn giao, chuyển đi và nhận về, chuyển phát kết quả tận nhà.</source>
            <translation>Coming: scanning dossiers into handover records, outgoing and incoming batches, results delivered home.</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Báo cáo</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Sắp có: báo cáo tháng theo mẫu, theo lĩnh vực và thủ tục, mức độ hài lòng.</source>
            <translation>Coming: the official monthly report, by department and procedure, satisfaction.</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPage</name>
        <message>
            <source>Trả kết quả cho công dân</source>
            <translation>Returning results to citizens</translation>
        </message>
        <message>
            <source>Sắp có: ghi nhận kết quả từ cơ quan chuyên môn, kiểm tra CCCD khi trả, đánh giá mức độ hài lòng, phiếu xin lỗi và hẹn lại.</source>
            <translation>Coming: results arriving from departments, the ID check at return, satisfaction ratings, apology slips with a new date.</translation>
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
        <name>StatusBar</name>
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
        <name>SupervisorPage</name>
        <message>
            <source>Giám sát trung tâm</source>
            <translation>Center supervision</translation>
        </message>
        <message>
            <source>Sắp có: hàng đợi của từng quầy theo thời gian thực, hồ sơ quá hạn và sắp đến hạn.</source>
            <translation>Coming: each desk's queue live, overdue and nearly due dossiers.</translation>
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
</TS>
