-- Demo stories (先进典型) for the embedded default only (Flyway location db/demo, after R__demo_data,
-- whose orgs and staff they name). Both are published, without photos (the embedded default has no OSS).
INSERT INTO story (id, org_id, title, subject_kind, subject_name, body, photo_keys, status, published_at, published_by,
                   created_by, version, created_at, updated_at) VALUES
 (1, 2, '每晚八点的网课，她陪医护人员的孩子上了四十天', 'VOLUNTEER', '林晓雨',
  '林晓雨是中山大学的一名大三学生。听说天河区有一位驰援湖北的护士，家里读四年级的女儿没人辅导网课，她报名成为“手拉手”学业辅导志愿者。

四十天里，每晚八点她准时打开视频，陪孩子做完当天的作业，再讲一道数学拓展题。孩子的妈妈在前线说：“知道有人每天陪着她，我在病房里心里就踏实了。”

林晓雨说：“他们在前线守护患者，我们在后方守护他们的家。”',
  NULL, 'PUBLISHED', CURRENT_TIMESTAMP, 7, 7, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (2, 5, '三十二个人、十一辆车，福田区的“青春送菜队”', 'TEAM', '福田区“青春送菜队”',
  '疫情期间，福田区团委组织辖区青年组建“青春送菜队”：三十二名志愿者、十一辆私家车，每周两次把新鲜蔬菜、水果和生活用品送到一线医护人员家门口。

队员们出发前都通过了防护培训，每一单都按约定时间放在门口、电话告知家属，做到无接触配送。两个月里，他们一共为一百二十多户医护家庭送去了四百多次生活物资。

一位老人在电话里说：“孙女在医院回不来，你们比亲人还上心。”',
  NULL, 'PUBLISHED', CURRENT_TIMESTAMP, 10, 10, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
