// Common given and family names of the region, written for this module. Combinations are drawn
// at random; family names of well-known public figures were left out on purpose.
#include "synth/name_tables.h"

namespace tafkik::synth::internal {
namespace {

// arabic, french, egypt, english, alt, nickname, nickname_arabic[, article]
// clang-format off
constexpr NameToken kArabicMale[] = {
    {"محمد", "Mohamed", "Mohamed", "Mohammed", "Muhammad", "Hamada", "حمادة"},
    {"أحمد", "Ahmed", "Ahmed", "Ahmad", "", "Hamada", "حمادة"},
    {"يوسف", "Youssef", "Youssef", "Yousef", "Youcef", "Jo", "جو"},
    {"عبد الرحمن", "Abderrahmane", "Abdel Rahman", "Abdulrahman", "Abd al-Rahman", "Abdou", "عبدو"},
    {"عبد الله", "Abdellah", "Abdallah", "Abdullah", "Abdellah", "Abdou", "عبدو"},
    {"عبد الكريم", "Abdelkrim", "Abdel Karim", "Abdulkarim", "", "Krimo", "كريمو"},
    {"عمر", "Omar", "Omar", "Omar", "Umar", "", ""},
    {"خالد", "Khalid", "Khaled", "Khaled", "", "Khalloud", "خلود"},
    {"حسن", "Hassan", "Hassan", "Hasan", "", "", ""},
    {"حسين", "Houcine", "Hussein", "Hussein", "Hocine", "", ""},
    {"إبراهيم", "Brahim", "Ibrahim", "Ibrahim", "Ebrahim", "Brahim", "براهيم"},
    {"مصطفى", "Mustapha", "Mostafa", "Mustafa", "Moustafa", "Stapha", "سطافا"},
    {"سعيد", "Said", "Saeed", "Saeed", "Saïd", "", ""},
    {"كريم", "Karim", "Karim", "Kareem", "", "", ""},
    {"رشيد", "Rachid", "Rashid", "Rashid", "Rachide", "", ""},
    {"هشام", "Hicham", "Hesham", "Hisham", "", "", ""},
    {"طارق", "Tarik", "Tarek", "Tariq", "", "", ""},
    {"علي", "Ali", "Ali", "Ali", "Aly", "", ""},
    {"محمود", "Mahmoud", "Mahmoud", "Mahmud", "", "", ""},
    {"عادل", "Adil", "Adel", "Adel", "", "", ""},
    {"نبيل", "Nabil", "Nabil", "Nabeel", "", "", ""},
    {"بلال", "Bilal", "Belal", "Bilal", "", "", ""},
    {"أيوب", "Ayoub", "Ayoub", "Ayyub", "", "", ""},
    {"إسماعيل", "Smail", "Ismail", "Ismail", "Ismaïl", "Smail", "سماعيل"},
    {"منير", "Mounir", "Mounir", "Munir", "", "", ""},
    {"فتحي", "Fethi", "Fathy", "Fathi", "", "", ""},
    {"سالم", "Salem", "Salem", "Salim", "", "", ""},
    {"جمال", "Jamal", "Gamal", "Jamal", "Djamel", "", ""},
    {"وليد", "Oualid", "Walid", "Waleed", "Walid", "", ""},
    {"عثمان", "Othmane", "Osman", "Othman", "", "", ""},
    {"ياسين", "Yassine", "Yassin", "Yasin", "", "", ""},
    {"حمزة", "Hamza", "Hamza", "Hamzah", "", "", ""},
    {"عبد العزيز", "Abdelaziz", "Abdel Aziz", "Abdulaziz", "", "Aziz", "عزيز"},
    {"الصادق", "Sadek", "El Sadek", "Alsadiq", "Essadek", "", ""},
    {"منصور", "Mansour", "Mansour", "Mansur", "", "", ""},
};

constexpr NameToken kArabicFemale[] = {
    {"فاطمة", "Fatima", "Fatma", "Fatima", "Fatimah", "Fatna", "فطنة"},
    {"خديجة", "Khadija", "Khadiga", "Khadija", "Khadidja", "Khaddouj", "خدوج"},
    {"عائشة", "Aicha", "Aisha", "Aisha", "Aïcha", "", ""},
    {"مريم", "Meryem", "Mariam", "Maryam", "Myriam", "Mimi", "ميمي"},
    {"زينب", "Zineb", "Zeinab", "Zainab", "", "", ""},
    {"نادية", "Nadia", "Nadia", "Nadiya", "", "", ""},
    {"سميرة", "Samira", "Samira", "Sameera", "", "", ""},
    {"أمينة", "Amina", "Amina", "Aminah", "", "", ""},
    {"هند", "Hind", "Hend", "Hind", "", "", ""},
    {"سلمى", "Salma", "Salma", "Salma", "", "", ""},
    {"ياسمين", "Yasmine", "Yasmin", "Yasmeen", "", "Yasso", "ياسو"},
    {"نور", "Nour", "Nour", "Noor", "Nur", "", ""},
    {"إيمان", "Imane", "Eman", "Iman", "", "", ""},
    {"حنان", "Hanane", "Hanan", "Hanan", "", "", ""},
    {"سارة", "Sara", "Sara", "Sarah", "", "", ""},
    {"ليلى", "Leila", "Laila", "Layla", "", "", ""},
    {"سعاد", "Souad", "Soad", "Suad", "", "", ""},
    {"منى", "Mouna", "Mona", "Muna", "", "", ""},
    {"أسماء", "Asmaa", "Asmaa", "Asma", "", "", ""},
    {"رحمة", "Rahma", "Rahma", "Rahmah", "", "", ""},
};

constexpr NameToken kMaghrebFamily[] = {
    {"الرحموني", "Rahmouni", "Rahmouny", "Rahmuni", "", "", "", true},
    {"التازي", "Tazi", "Tazy", "Tazi", "Ettazi", "", "", true},
    {"الإدريسي", "Idrissi", "Idrisy", "Idrisi", "", "", "", true},
    {"الشرقاوي", "Cherkaoui", "Sharkawy", "Sharqawi", "Charkaoui", "", "", true},
    {"الفاسي", "Fassi", "Fasy", "Fasi", "", "", "", true},
    {"بوزيد", "Bouzid", "Bouzid", "Buzayd", "", "", ""},
    {"الحداد", "Haddad", "Haddad", "Haddad", "", "", "", true},
    {"النجار", "Najjar", "Naggar", "Najjar", "Ennajjar", "", "", true},
    {"الخياط", "Khayat", "Khayat", "Khayyat", "", "", "", true},
    {"العطار", "Attar", "Attar", "Attar", "", "", "", true},
    {"بوعزة", "Bouazza", "Bouazza", "Buazza", "", "", ""},
    {"الزين", "Zine", "Zein", "Zain", "Ezzine", "", "", true},
    {"الساحلي", "Sahli", "Sahly", "Sahili", "Essahli", "", "", true},
    {"الصغير", "Seghir", "Saghir", "Saghir", "Esseghir", "", "", true},
    {"العمراني", "Amrani", "Omrany", "Omrani", "", "", "", true},
    {"الدرعي", "Draoui", "Darey", "Darai", "", "", "", true},
    {"بن سالم", "Bensalem", "Ben Salem", "Bin Salem", "Ben Salem", "", ""},
    {"بوشعيب", "Bouchaib", "Boushoaib", "Bushuayb", "", "", ""},
    {"المنصوري", "Mansouri", "Mansoury", "Mansuri", "", "", "", true},
    {"الوزاني", "Ouazzani", "Wazzany", "Wazzani", "", "", "", true},
};

constexpr NameToken kEgyptFamily[] = {
    {"السيد", "Sayed", "Sayed", "Sayyid", "Elsayed", "", "", true},
    {"المصري", "Masri", "Masry", "Masri", "", "", "", true},
    {"عبد العزيز", "Abdelaziz", "Abdel Aziz", "Abdulaziz", "", "", ""},
    {"الخولي", "Kholi", "Kholy", "Khouli", "Elkholy", "", "", true},
    {"النجار", "Najjar", "Naggar", "Najjar", "", "", "", true},
    {"الفرجاني", "Ferjani", "Fergany", "Farjani", "", "", "", true},
    {"القاضي", "Kadi", "Kady", "Qadi", "Elkady", "", "", true},
    {"عبد الحميد", "Abdelhamid", "Abdel Hamid", "Abdulhamid", "", "", ""},
    {"الدسوقي", "Dessouki", "Desouky", "Dasuqi", "", "", "", true},
    {"عبد الغني", "Abdelghani", "Abdel Ghany", "Abdulghani", "", "", ""},
    {"شحاتة", "Chehata", "Shehata", "Shihata", "", "", ""},
    {"عبد الفتاح", "Abdelfattah", "Abdel Fattah", "Abdulfattah", "", "", ""},
};

constexpr NameToken kLibyaFamily[] = {
    {"القماطي", "Gmati", "Gammaty", "Gammati", "Guemati", "", "", true},
    {"البوسيفي", "Bousifi", "Busaify", "Busaifi", "", "", "", true},
    {"الزنتاني", "Zentani", "Zintany", "Zintani", "", "", "", true},
    {"الطبيب", "Tbib", "Tabib", "Tabib", "", "", "", true},
    {"الشيباني", "Chaibani", "Shaibany", "Shaibani", "", "", "", true},
    {"المحجوب", "Mahjoub", "Mahgoub", "Mahjub", "", "", "", true},
    {"الحاسي", "Hassi", "Hassy", "Hasi", "", "", "", true},
    {"الفيتوري", "Fitouri", "Fitoury", "Fituri", "", "", "", true},
    {"بن حليم", "Benhalim", "Ben Halim", "Bin Halim", "", "", ""},
    {"المبروك", "Mabrouk", "Mabrouk", "Mabruk", "", "", "", true},
};

constexpr NameToken kWestAfricaMale[] = {
    {"مامادو", "Mamadou", "Mamadou", "Mamadu", "Mahamadou", "Madou", ""},
    {"عثمان", "Ousmane", "Ousmane", "Usman", "Oumane", "", ""},
    {"إبراهيما", "Ibrahima", "Ibrahima", "Ibrahim", "", "Iba", ""},
    {"موسى", "Moussa", "Moussa", "Musa", "", "", ""},
    {"عبد الله", "Abdoulaye", "Abdoulaye", "Abdullahi", "Abdoulahi", "Laye", ""},
    {"أمادو", "Amadou", "Amadou", "Ahmadu", "", "", ""},
    {"سيدو", "Seydou", "Seydou", "Saidu", "", "", ""},
    {"عيسى", "Issa", "Issa", "Isa", "", "", ""},
    {"أبو بكر", "Boubacar", "Boubacar", "Abubakar", "Aboubacar", "Bouba", ""},
    {"إدريسا", "Idrissa", "Idrissa", "Idris", "", "", ""},
    {"حمادو", "Hamadou", "Hamadou", "Hamadu", "", "", ""},
    {"شيخو", "Cheikhou", "Cheikhou", "Shehu", "", "", ""},
};

constexpr NameToken kWestAfricaFemale[] = {
    {"أميناتا", "Aminata", "Aminata", "Aminatu", "Aminatou", "", ""},
    {"فاطماتا", "Fatoumata", "Fatoumata", "Fatimata", "Fatou", "Fatou", ""},
    {"مريامة", "Mariama", "Mariama", "Mariam", "", "", ""},
    {"عيساتو", "Aissatou", "Aissatou", "Aishatu", "Aïssatou", "", ""},
    {"رماتا", "Ramatou", "Ramatou", "Ramatu", "", "", ""},
    {"حديزة", "Hadiza", "Hadiza", "Hadiza", "Adiza", "", ""},
};

constexpr NameToken kWestAfricaFamily[] = {
    {"ديالو", "Diallo", "Diallo", "Jallow", "Dialo", "", ""},
    {"سنغاري", "Sangaré", "Sangare", "Sangare", "Sangary", "", ""},
    {"كوليبالي", "Coulibaly", "Coulibaly", "Kulibali", "Koulibaly", "", ""},
    {"ديوب", "Diop", "Diop", "Diop", "Jiop", "", ""},
    {"انجاي", "Ndiaye", "Ndiaye", "Njie", "N'Diaye", "", ""},
    {"سو", "Sow", "Sow", "Sow", "Sou", "", ""},
    {"كامارا", "Camara", "Camara", "Kamara", "", "", ""},
    {"كوناتي", "Konaté", "Konate", "Konate", "", "", ""},
    {"غاربا", "Garba", "Garba", "Garba", "", "", ""},
    {"ماهامان", "Mahamane", "Mahamane", "Mahaman", "", "", ""},
    {"عمارو", "Oumarou", "Oumarou", "Umaru", "", "", ""},
    {"سيسي", "Cissé", "Cisse", "Sisay", "", "", ""},
};

constexpr NameToken kNigeriaMale[] = {
    {"تشينيدو", "Chinedu", "Chinedu", "Chinedu", "Chinedum", "Chi", ""},
    {"إيميكا", "Emeka", "Emeka", "Emeka", "", "", ""},
    {"أوبينا", "Obinna", "Obinna", "Obinna", "Obina", "", ""},
    {"تندي", "Tunde", "Tunde", "Tunde", "Babatunde", "", ""},
    {"أبو بكر", "Aboubakar", "Abubakar", "Abubakar", "", "", ""},
    {"سامسون", "Samson", "Samson", "Samson", "", "", ""},
    {"فرايدي", "Friday", "Friday", "Friday", "", "", ""},
    {"كينغسلي", "Kingsley", "Kingsley", "Kingsley", "Kinsley", "", ""},
};

constexpr NameToken kNigeriaFemale[] = {
    {"بليسينغ", "Blessing", "Blessing", "Blessing", "Blessin", "", ""},
    {"بريشس", "Precious", "Precious", "Precious", "", "", ""},
    {"جوي", "Joy", "Joy", "Joy", "", "", ""},
    {"فيفور", "Favour", "Favour", "Favour", "Favor", "", ""},
    {"غلوري", "Glory", "Glory", "Glory", "", "", ""},
    {"أوساس", "Osas", "Osas", "Osas", "", "", ""},
    {"إيفي", "Efe", "Efe", "Efe", "", "", ""},
    {"حديزة", "Hadiza", "Hadiza", "Hadiza", "", "", ""},
};

constexpr NameToken kNigeriaFamily[] = {
    {"أوكافور", "Okafor", "Okafor", "Okafor", "Okafo", "", ""},
    {"إيزي", "Eze", "Eze", "Eze", "", "", ""},
    {"أديمي", "Adeyemi", "Adeyemi", "Adeyemi", "Adeyemy", "", ""},
    {"بالوغون", "Balogun", "Balogun", "Balogun", "", "", ""},
    {"أوساغي", "Osagie", "Osagie", "Osagie", "", "", ""},
    {"إيغبينوبا", "Igbinoba", "Igbinoba", "Igbinoba", "", "", ""},
    {"أوموروجي", "Omoruyi", "Omoruyi", "Omoruyi", "", "", ""},
    {"موسى", "Musa", "Moussa", "Musa", "", "", ""},
};

// clang-format on

}  // namespace

std::span<const NameToken> MaleGivenNames(NameOrigin origin) {
  switch (origin) {
    case NameOrigin::kWestAfricaFr:
      return kWestAfricaMale;
    case NameOrigin::kNigeria:
      return kNigeriaMale;
    default:
      return kArabicMale;
  }
}

std::span<const NameToken> FemaleGivenNames(NameOrigin origin) {
  switch (origin) {
    case NameOrigin::kWestAfricaFr:
      return kWestAfricaFemale;
    case NameOrigin::kNigeria:
      return kNigeriaFemale;
    default:
      return kArabicFemale;
  }
}

std::span<const NameToken> FamilyNames(NameOrigin origin) {
  switch (origin) {
    case NameOrigin::kMaghreb:
      return kMaghrebFamily;
    case NameOrigin::kEgypt:
      return kEgyptFamily;
    case NameOrigin::kLibya:
      return kLibyaFamily;
    case NameOrigin::kWestAfricaFr:
      return kWestAfricaFamily;
    case NameOrigin::kNigeria:
      return kNigeriaFamily;
  }
  return kMaghrebFamily;
}

}  // namespace tafkik::synth::internal
