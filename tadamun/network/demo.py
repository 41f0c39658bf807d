"""The demo network: a realistic but entirely FICTIONAL network to explore the platform.

`load_demo()` removes every organisation, membership, activity centre and invitation and
every demo account (`…@demo.tadamun.example`), then builds the network again through the
same services a person uses (apply, approve, reject), so demo data obeys the same rules.
No organisation, person, address or phone number here is real.

    python manage.py demo             # reload the demo network
    python manage.py demo --if-empty  # load it only into an empty directory (make run)
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from unittest import mock

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify

from tadamun.accounts.models import User
from tadamun.core.demo import quiet_log
from tadamun.pathways.models import Pathway

from . import services
from .models import (
    ActivityCentre,
    Governorate,
    Invitation,
    Membership,
    Organisation,
    Visibility,
    WorkingLanguage,
)

DEMO_DOMAIN = "demo.tadamun.example"
COORDINATOR_EMAIL = f"coordinator@{DEMO_DOMAIN}"
DEMO_PASSWORD = "solidarity-demo-2026"

# No mail to fictional people: while the demo loads, the services' emails are not queued,
# and anything else queued meets the dummy task backend.
_SILENT_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}

K = Organisation.Kind


@dataclass
class DemoOrg:
    key: str
    kind: str
    country: str
    language: str  # original language of name and description
    name: str
    names: dict[str, str]
    description: str
    descriptions: dict[str, str]
    governorates: list[str]
    pathways: list[str]
    languages: list[str]
    year: int
    city: str
    trusted: bool = False
    status: str = Organisation.Status.APPROVED
    rejection_reason: str = ""
    people: str = ""  # naming tradition of its people; derived from country/language if empty
    extra: dict = field(default_factory=dict)


# fmt: off
ORGANISATIONS: list[DemoOrg] = [
    # --- NGOs -------------------------------------------------------------------------
    DemoOrg(
        "shatt-water", K.NGO, "IQ", "ar",
        "شبكة شط العرب للحق في المياه", {"en": "Shatt al-Arab Water Rights Network"},
        "متطوعون في البصرة يفحصون مياه الإسالة كل شهر في أبي الخصيب وشط العرب وينشرون النتائج، ويضغطون على دائرة الماء لمعالجة الملوحة وتسرب مياه الصرف الصحي. أسسها شباب بعد أزمة تسمم المياه عام ٢٠١٨.",
        {"en": "Volunteers in Basra who test tap water every month in Abu al-Khasib and Shatt al-Arab districts, publish the results, and press the water directorate to fix salinity and sewage leaks. Founded by young people after the 2018 water poisoning crisis."},
        ["IQ-BA", "IQ-MA"], ["heritage-environment", "economic-social-rights"], ["ar", "en"], 2018, "Basra",
    ),
    DemoOrg(
        "rewan-women", K.NGO, "IQ", "ckb",
        "ناوەندی ڕەوان بۆ سەلامەتیی ئافرەتان", {"en": "Rewan Centre for Women's Safety", "ar": "مركز روان لسلامة النساء"},
        "پەناگەیەکی نهێنی و نووسینگەیەکی یارمەتیی یاسایی بۆ ئەو ئافرەتانە بەڕێوە دەبات کە لە توندوتیژیی خێزانی لە سلێمانی ڕادەکەن، و هەوڵ دەدات یاسای بەرەنگاربوونەوەی توندوتیژیی خێزانی لە دادگاکاندا جێبەجێ بکرێت.",
        {
            "en": "Runs a confidential shelter and a legal-aid desk for women escaping domestic violence in Sulaymaniyah, and campaigns for the Kurdistan Region's law against domestic violence to be applied in the courts.",
            "ar": "يدير ملجأً سرياً ومكتباً للمساعدة القانونية للنساء الهاربات من العنف الأسري في السليمانية، ويناضل من أجل تطبيق قانون مناهضة العنف الأسري في إقليم كوردستان أمام المحاكم.",
        },
        ["IQ-SU", "IQ-KI"], ["women", "human-rights-defenders"], ["ckb", "ar", "en"], 2009, "Sulaymaniyah", trusted=True,
    ),
    DemoOrg(
        "sinjar-homecoming", K.NGO, "IQ", "ar",
        "جمعية العودة إلى سنجار", {"en": "Sinjar Homecoming Association", "kmr": "Komeleya Vegera Şengalê"},
        "تساعد العائلات الإيزيدية النازحة في مخيمات دهوك على العودة إلى سنجار: ترميم البيوت، وتوثيق المفقودين والمختطفات، ومرافقة الناجيات إلى المحاكم.",
        {
            "en": "Helps Yazidi families displaced to the camps of Duhok return to Sinjar: rebuilding houses, documenting missing and abducted people, and accompanying survivors to court.",
            "kmr": "Alîkariya malbatên êzidî yên koçber ên li kampên Dihokê dike ku vegerin Şengalê: avakirina xaniyan, belgekirina windabûyan û revandiyan, û bi rizgarbûyan re çûna dadgehan.",
        },
        ["IQ-NI", "IQ-DA"], ["minorities", "peacebuilding", "women"], ["ar", "kmr", "en"], 2016, "Duhok", people="kurmanji",
    ),
    DemoOrg(
        "old-mosul-workshop", K.NGO, "IQ", "ar",
        "ورشة تراث الموصل القديمة", {"en": "Old Mosul Heritage Workshop"},
        "تدرّب شباب المدينة القديمة على أعمال الحجر والخشب التقليدية لترميم البيوت والكنائس والجوامع المتضررة، وتسجل ذكريات السكان عن كل زقاق قبل أن تضيع.",
        {"en": "Trains young people from the old city in traditional stone and wood crafts to restore damaged houses, churches and mosques, and records residents' memories of each alley before they are lost."},
        ["IQ-NI"], ["heritage-environment", "youth", "peacebuilding"], ["ar", "en", "syr"], 2017, "Mosul",
    ),
    DemoOrg(
        "tigris-defenders", K.NGO, "IQ", "ar",
        "مركز دجلة لحماية المدافعين عن حقوق الإنسان", {"en": "Tigris Centre for the Protection of Defenders"},
        "يوثق التهديدات التي يتعرض لها الناشطون والمحامون والصحفيون، ويدير صندوق طوارئ للنقل المؤقت والعلاج، ويدرب المدافعين على الأمان الرقمي والجسدي.",
        {"en": "Documents threats against activists, lawyers and journalists, runs an emergency fund for temporary relocation and medical care, and trains defenders in digital and physical security."},
        ["IQ-BG", "IQ-WA"], ["human-rights-defenders", "democracy"], ["ar", "en"], 2012, "Baghdad", trusted=True,
    ),
    DemoOrg(
        "weapons-free", K.NGO, "IQ", "ar",
        "المبادرة العراقية لأحياء خالية من السلاح", {"en": "Iraqi Initiative for Weapon-Free Neighbourhoods"},
        "تنظم حملات لتسليم الأسلحة الخفيفة طوعاً في أحياء بغداد والبصرة، وتتوسط في النزاعات العشائرية قبل أن تتحول إلى عنف، وترسم خرائط مخلفات الحرب غير المنفجرة مع المجالس المحلية.",
        {"en": "Runs voluntary handover campaigns for small arms in neighbourhoods of Baghdad and Basra, mediates tribal disputes before they turn violent, and maps unexploded remnants of war with local councils."},
        ["IQ-BG", "IQ-BA", "IQ-DQ"], ["demilitarization", "peacebuilding"], ["ar", "en"], 2015, "Baghdad",
    ),
    DemoOrg(
        "anbar-bridges", K.NGO, "IQ", "ar",
        "جسور الأنبار للمصالحة", {"en": "Anbar Bridges for Reconciliation"},
        "تجمع العائلات العائدة وشيوخ العشائر والقضاة المحليين في الفلوجة والرمادي لحل النزاعات حول العائلات المتهمة بالانتماء إلى داعش، حتى يحصل الأطفال على أوراقهم الثبوتية ويعودوا إلى المدارس.",
        {"en": "Brings returning families, tribal elders and local judges together in Fallujah and Ramadi to settle disputes over families accused of links with Daesh, so that their children can get identity papers and go back to school."},
        ["IQ-AN", "IQ-SD"], ["peacebuilding", "youth"], ["ar", "en"], 2017, "Ramadi",
    ),
    DemoOrg(
        "hamrin-dialogue", K.NGO, "IQ", "ar",
        "مركز حمرين للحوار المدني", {"en": "Hamrin Centre for Civic Dialogue", "ckb": "ناوەندی حەمرین بۆ دیالۆگی مەدەنی"},
        "يدير حلقات حوار بين الشباب العرب والكرد والتركمان في بعقوبة وخانقين، ويرصد خطاب الكراهية في الصفحات المحلية على مواقع التواصل قبل الانتخابات.",
        {
            "en": "Runs dialogue circles between Arab, Kurdish and Turkmen young people in Baqubah and Khanaqin, and monitors hate speech on local social-media pages before elections.",
            "ckb": "بازنەی گفتوگۆ لە نێوان گەنجانی عەرەب و کورد و تورکمان لە بەعقووبە و خانەقین ڕێک دەخات، و چاودێریی وتاری ڕق و کینە لە پەڕە ناوخۆییەکانی تۆڕە کۆمەڵایەتییەکان دەکات پێش هەڵبژاردنەکان.",
        },
        ["IQ-DI", "IQ-SD"], ["peacebuilding", "democracy", "youth"], ["ar", "ckb", "tk"], 2013, "Baqubah",
    ),
    DemoOrg(
        "kirkuk-together", K.NGO, "IQ", "ar",
        "كركوك معاً للتعايش", {"en": "Kirkuk Together for Coexistence", "ckb": "کەرکووک پێکەوە بۆ پێکەوەژیان"},
        "فريق مختلط من الكرد والعرب والتركمان والآشوريين ينظم مهرجانات مشتركة وتبادلاً للغات وأيام تنظيف جماعية في أحياء كركوك المنقسمة.",
        {
            "en": "A mixed Kurdish, Arab, Turkmen and Assyrian team that organises shared festivals, language exchanges and joint clean-up days in Kirkuk's divided neighbourhoods.",
            "ckb": "تیمێکی تێکەڵاوی کورد و عەرەب و تورکمان و ئاشووری کە فێستیڤاڵی هاوبەش و ئاڵوگۆڕی زمان و ڕۆژانی پاککردنەوەی بەکۆمەڵ لە گەڕەکە دابەشبووەکانی کەرکووک ڕێک دەخات.",
        },
        ["IQ-KI"], ["minorities", "peacebuilding"], ["ar", "ckb", "tk"], 2010, "Kirkuk",
    ),
    DemoOrg(
        "badinan-legal-aid", K.NGO, "IQ", "ar",
        "جمعية بادينان للمساعدة القانونية", {"en": "Badinan Legal Aid Association", "kmr": "Komeleya Alîkariya Yasayî ya Badînan"},
        "تقدم استشارات قانونية مجانية للنازحين واللاجئين في مخيمات دهوك حول الوثائق المدنية ودعاوى الملكية والاحتجاز.",
        {
            "en": "Gives free legal advice to displaced people and refugees in the camps of Duhok on civil documents, property claims and detention.",
            "kmr": "Şêwirmendiya yasayî ya belaş dide koçber û penaberên li kampên Dihokê li ser belgeyên medenî, doza milkan û girtinê.",
        },
        ["IQ-DA", "IQ-NI"], ["human-rights-defenders", "minorities"], ["ar", "kmr", "en"], 2011, "Duhok", people="kurmanji",
    ),
    DemoOrg(
        "diaspora-women", K.NGO, "DE", "ar",
        "شبكة نساء العراق في المهجر", {"en": "Network of Iraqi Women Abroad"},
        "شبكة من النساء العراقيات في ألمانيا والدول المجاورة تدعم المبادرات النسوية داخل العراق بالتدريب والمناصرة أمام البرلمانات الأوروبية، وترافق الناجيات من العنف في إجراءات اللجوء.",
        {"en": "Iraqi women living in Germany and neighbouring countries who support feminist initiatives inside Iraq with training and advocacy before European parliaments, and accompany survivors of violence through asylum procedures."},
        ["IQ-BG", "IQ-BA"], ["women", "democracy"], ["ar", "de", "en"], 2014, "Berlin", people="arabic",
    ),
    DemoOrg(
        "najaf-disability", K.NGO, "IQ", "ar",
        "جمعية النجف لحقوق الأشخاص ذوي الإعاقة", {"en": "Najaf Association for the Rights of Persons with Disabilities"},
        "تطالب بمراكز اقتراع ومدارس ومبانٍ عامة يسهل الوصول إليها في النجف والديوانية، وتساعد العائلات على الحصول على إعانات الإعاقة المستحقة لها.",
        {"en": "Presses for accessible polling stations, schools and public buildings in Najaf and Diwaniyah, and helps families claim the disability allowances they are owed."},
        ["IQ-NA", "IQ-QA"], ["economic-social-rights", "democracy"], ["ar", "en"], 2008, "Najaf",
    ),
    # --- Trade unions ----------------------------------------------------------------
    DemoOrg(
        "rumaila-oil", K.TRADE_UNION, "IQ", "ar",
        "نقابة عمال النفط والغاز في الرميلة", {"en": "Rumaila Oil and Gas Workers' Union"},
        "تمثل عمال الحفر والسائقين وعمال العقود في حقول النفط الجنوبية، وتناضل من أجل عقود دائمة ومعدات سلامة، وتوثق حرق الغاز قرب بيوت العمال والأمراض التي يسببها.",
        {"en": "Represents drillers, drivers and contract workers in the southern oil fields, fights for permanent contracts and safety equipment, and documents gas flaring near workers' homes and the illnesses it causes."},
        ["IQ-BA"], ["economic-social-rights", "heritage-environment"], ["ar", "en"], 2004, "Zubair", trusted=True,
    ),
    DemoOrg(
        "umm-qasr-dockers", K.TRADE_UNION, "IQ", "ar",
        "نقابة عمال موانئ أم قصر", {"en": "Umm Qasr Port Workers' Union"},
        "تنظم عمال التحميل والتفريغ في موانئ أم قصر وخور الزبير، وتفاوض على الأجور وساعات العمل، وتدافع عن الأعضاء الذين فُصلوا بسبب نشاطهم النقابي.",
        {"en": "Organises dockers at the ports of Umm Qasr and Khor al-Zubair, negotiates pay and working hours, and defends members dismissed for union activity."},
        ["IQ-BA"], ["economic-social-rights", "human-rights-defenders"], ["ar", "en"], 2005, "Umm Qasr",
    ),
    DemoOrg(
        "baghdad-electricity", K.TRADE_UNION, "IQ", "ar",
        "النقابة المستقلة لعمال الكهرباء في بغداد", {"en": "Independent Union of Baghdad Electricity Workers"},
        "تدافع عن عمال محطات التوليد وشبكات التوزيع ضد خصخصة الجباية، وتطالب بتثبيت العمال المؤقتين وبظروف عمل آمنة في صيف تتجاوز حرارته الخمسين درجة.",
        {"en": "Defends workers in power stations and distribution networks against the privatisation of bill collection, and demands permanent posts for temporary workers and safe conditions in summers above fifty degrees."},
        ["IQ-BG", "IQ-BB"], ["economic-social-rights", "democracy"], ["ar", "en"], 2006, "Baghdad",
    ),
    DemoOrg(
        "kurdistan-construction", K.TRADE_UNION, "IQ", "ckb",
        "سەندیکای کرێکارانی بیناسازیی کوردستان", {"en": "Kurdistan Construction Workers' Union", "ar": "نقابة عمال البناء في كوردستان"},
        "کرێکارانی ڕۆژانە لە شوێنەکانی بیناسازیی سلێمانی و هەولێر ڕێک دەخات، کە زۆربەیان ئاوارە یان کرێکاری کۆچبەرن، بۆ گرێبەستی نووسراو و کەرەستەی سەلامەتی و وەرگرتنی کرێ لە کاتی خۆیدا.",
        {
            "en": "Organises day labourers on the building sites of Sulaymaniyah and Erbil, many of them displaced or migrant workers, for written contracts, safety equipment and wages paid on time.",
            "ar": "تنظم عمال المياومة في مواقع البناء في السليمانية وأربيل، وكثير منهم نازحون أو عمال مهاجرون، من أجل عقود مكتوبة ومعدات سلامة وأجور تُدفع في موعدها.",
        },
        ["IQ-SU", "IQ-AR"], ["economic-social-rights"], ["ckb", "ar", "en"], 2012, "Sulaymaniyah",
    ),
    DemoOrg(
        "kut-textile", K.TRADE_UNION, "IQ", "ar",
        "نقابة عمال النسيج والجلود في الكوت", {"en": "Kut Textile and Leather Workers' Union"},
        "تمثل عمال وعاملات مصانع النسيج الحكومية في واسط، وتطالب بإعادة تشغيل خطوط الإنتاج المتوقفة بدل تسريح العمال، وبحضانات للأمهات العاملات.",
        {"en": "Represents the men and women who work in Wasit's state textile factories, and calls for idle production lines to be restarted instead of workers being laid off, and for crèches for working mothers."},
        ["IQ-WA"], ["economic-social-rights", "women"], ["ar", "en"], 2007, "Kut",
    ),
    DemoOrg(
        "maysan-farmworkers", K.TRADE_UNION, "IQ", "ar",
        "نقابة العمال الزراعيين في ميسان", {"en": "Maysan Farmworkers' Union"},
        "تدافع عن العمال الزراعيين والفلاحين الصغار الذين خسروا أراضيهم بسبب الجفاف وملوحة التربة، وتطالب بحصص مياه عادلة وبضمان اجتماعي للعاملين في الزراعة.",
        {"en": "Stands up for farmworkers and smallholders who have lost their land to drought and salty soil, and demands fair water shares and social security for agricultural workers."},
        ["IQ-MA", "IQ-DQ"], ["economic-social-rights", "heritage-environment"], ["ar", "en"], 2010, "Amarah",
    ),
    # --- Professional associations ---------------------------------------------------
    DemoOrg(
        "journalists-safety", K.PROFESSIONAL_ASSOCIATION, "IQ", "ar",
        "جمعية سلامة الصحفيين العراقيين", {"en": "Iraqi Journalists' Safety Association", "ckb": "کۆمەڵەی سەلامەتیی ڕۆژنامەنووسانی عێراق"},
        "تدرب المراسلين على السلامة أثناء تغطية الاحتجاجات، وتدير خطاً ساخناً للصحفيين المهددين أو المحتجزين، وتنشر سجلاً سنوياً للاعتداءات على الصحافة.",
        {
            "en": "Trains reporters to stay safe while covering protests, runs a hotline for journalists who are threatened or detained, and publishes a yearly record of attacks on the press.",
            "ckb": "ڕاهێنان بە پەیامنێران دەکات بۆ پاراستنی سەلامەتییان لە کاتی ڕووماڵکردنی خۆپیشاندانەکان، هێڵێکی گەرم بۆ ڕۆژنامەنووسانی هەڕەشەلێکراو یان دەستگیرکراو بەڕێوە دەبات، و ساڵانە تۆمارێکی پەلاماردانەکانی سەر ڕۆژنامەگەری بڵاو دەکاتەوە.",
        },
        ["IQ-BG", "IQ-NI", "IQ-DQ"], ["human-rights-defenders", "democracy"], ["ar", "ckb", "en"], 2011, "Baghdad", trusted=True,
    ),
    DemoOrg(
        "detainee-lawyers", K.PROFESSIONAL_ASSOCIATION, "IQ", "ar",
        "محامون من أجل حقوق المحتجزين", {"en": "Lawyers for Detainees' Rights"},
        "شبكة محامين تتابع قضايا المحتجزين دون محاكمة وضحايا الاعترافات المنتزعة تحت التعذيب، وتزور مراكز الاحتجاز وتقدم الشكاوى إلى مجلس القضاء ومفوضية حقوق الإنسان.",
        {"en": "A network of lawyers who take up the cases of people held without trial and of confessions extracted under torture, visit detention centres and file complaints with the judicial council and the human rights commission."},
        ["IQ-BG", "IQ-SD"], ["human-rights-defenders", "peacebuilding"], ["ar", "en"], 2013, "Baghdad",
    ),
    DemoOrg(
        "young-doctors", K.PROFESSIONAL_ASSOCIATION, "IQ", "ckb",
        "کۆمەڵەی پزیشکە گەنجەکانی کوردستان", {"en": "Kurdistan Young Doctors' Association", "ar": "جمعية الأطباء الشباب في كوردستان"},
        "پزیشکە گەنجەکان کلینیکی گەڕۆک بۆ کەمپەکانی ئاوارەکان لە هەولێر و دهۆک دەبەن، و داوای مووچەی ڕێک و دامەزراندنی دادپەروەرانە بۆ دەرچووانی پزیشکی دەکەن.",
        {
            "en": "Young doctors who take mobile clinics to the camps for displaced people around Erbil and Duhok, and campaign for regular salaries and fair appointments for medical graduates.",
            "ar": "أطباء شباب ينقلون عيادات متنقلة إلى مخيمات النازحين في أربيل ودهوك، ويطالبون برواتب منتظمة وتعيينات عادلة لخريجي الطب.",
        },
        ["IQ-AR", "IQ-DA", "IQ-SU"], ["economic-social-rights", "youth"], ["ckb", "ar", "en"], 2015, "Erbil",
    ),
    DemoOrg(
        "karbala-teachers", K.PROFESSIONAL_ASSOCIATION, "IQ", "ar",
        "رابطة معلمي كربلاء", {"en": "Karbala Teachers' League"},
        "تجمع معلمين ومعلمات يوثقون اكتظاظ الصفوف والدوام المزدوج والثلاثي في مدارس كربلاء وبابل، ويقترحون على مديريات التربية حلولاً عملية لبناء المدارس وتدريب المعلمين.",
        {"en": "Teachers who document overcrowded classrooms and double and triple shifts in the schools of Karbala and Babil, and bring practical proposals for school building and teacher training to the education directorates."},
        ["IQ-KA", "IQ-BB"], ["youth", "economic-social-rights"], ["ar", "en"], 2009, "Karbala",
    ),
    DemoOrg(
        "env-engineers", K.PROFESSIONAL_ASSOCIATION, "IQ", "ar",
        "الجمعية العراقية لمهندسي البيئة", {"en": "Iraqi Society of Environmental Engineers"},
        "مهندسون يقيسون تلوث الهواء قرب حقول النفط ومحطات الكهرباء وينشرون البيانات للعامة، ويدرسون زحف الرمال والتصحر في بادية المثنى.",
        {"en": "Engineers who measure air pollution near oil fields and power stations and publish the data openly, and study advancing sand and desertification in the Muthanna desert."},
        ["IQ-BG", "IQ-BA", "IQ-MU"], ["heritage-environment"], ["ar", "en"], 2006, "Baghdad",
    ),
    DemoOrg(
        "nineveh-archaeologists", K.PROFESSIONAL_ASSOCIATION, "IQ", "ar",
        "ملتقى آثاريي نينوى", {"en": "Nineveh Archaeologists' Forum"},
        "آثاريون وطلاب آثار يوثقون المواقع التي دمرتها الحرب في نمرود وآشور والحضر، ويدربون الحراس المحليين، ويطالبون بإعادة القطع المهربة.",
        {"en": "Archaeologists and students who document the sites damaged by war at Nimrud, Ashur and Hatra, train local site guards, and call for smuggled objects to be returned."},
        ["IQ-NI", "IQ-SD"], ["heritage-environment", "minorities"], ["ar", "en", "syr"], 2018, "Mosul",
    ),
    # --- Informal grassroots groups --------------------------------------------------
    DemoOrg(
        "haboubi-circle", K.GRASSROOTS_GROUP, "IQ", "ar",
        "حلقة شباب ساحة الحبوبي", {"en": "Haboubi Square Youth Circle"},
        "شباب التقوا في احتجاجات تشرين ٢٠١٩ في الناصرية، ويديرون اليوم نقاشات مفتوحة أسبوعية ومكتبة في الشارع وجولات لتوعية الناخبين.",
        {"en": "Young people who met in the October 2019 (Tishreen) protests in Nasiriyah and now run weekly open debates, a street library and voter-education walks."},
        ["IQ-DQ"], ["youth", "democracy", "human-rights-defenders"], ["ar", "en"], 2019, "Nasiriyah",
    ),
    DemoOrg(
        "kahla-marshes", K.GRASSROOTS_GROUP, "IQ", "ar",
        "أصدقاء أهوار الكحلاء", {"en": "Friends of the Kahla Marshes"},
        "مربو جاموس وصيادون من أهوار ميسان يسجلون مناسيب المياه ويبلغون عن نفوق الأسماك، ويطالبون بإطلاقات مائية عادلة من السدود في أعالي النهر.",
        {"en": "Buffalo herders and fishers from the Maysan marshes who record water levels, report fish die-offs, and demand fair water releases from the dams upstream."},
        ["IQ-MA"], ["heritage-environment", "economic-social-rights"], ["ar", "en"], 2021, "Amarah",
    ),
    DemoOrg(
        "samawa-green-belt", K.GRASSROOTS_GROUP, "IQ", "ar",
        "متطوعو الحزام الأخضر في السماوة", {"en": "Samawa Green Belt Volunteers"},
        "طلاب ومتقاعدون يزرعون أشجاراً تتحمل الجفاف حول السماوة لصد العواصف الترابية، ويسقونها بمياه الصرف المعالجة بالتعاون مع البلدية.",
        {"en": "Students and retired people who plant drought-tolerant trees around Samawa to hold back dust storms, watering them with treated wastewater in cooperation with the municipality."},
        ["IQ-MU"], ["heritage-environment", "youth"], ["ar", "en"], 2020, "Samawah",
    ),
    DemoOrg(
        "baqubah-kitchen", K.GRASSROOTS_GROUP, "IQ", "ar",
        "مطبخ الجيران في بعقوبة", {"en": "Baqubah Neighbours' Kitchen"},
        "نساء من الحي يطبخن وجبات لكبار السن والعائلات النازحة ثلاث مرات في الأسبوع، ويجعلن المطبخ مكان لقاء بين عائلات من مكونات مختلفة.",
        {"en": "Women from the neighbourhood who cook meals for older people and displaced families three times a week, and make the kitchen a meeting place for families of different communities."},
        ["IQ-DI"], ["economic-social-rights", "women", "peacebuilding"], ["ar", "en"], 2016, "Baqubah",
    ),
    DemoOrg(
        "halabja-green-hands", K.GRASSROOTS_GROUP, "IQ", "ckb",
        "دەستە سەوزەکانی هەڵەبجە", {"en": "Green Hands of Halabja", "ar": "الأيادي الخضراء في حلبجة"},
        "گەنجانی هەڵەبجە و هەورامان کە دار دەچێنن، کانیاوەکان پاک دەکەنەوە و بەرگری لە باخە هەنارەکان دەکەن لە بەرامبەر بەرزبوونەوەی پلەی گەرما و بیناسازیی بێ پلان.",
        {
            "en": "Young people from Halabja and Hawraman who plant trees, clean springs and defend the pomegranate orchards against rising temperatures and unplanned construction.",
            "ar": "شباب من حلبجة وهورامان يزرعون الأشجار وينظفون الينابيع ويدافعون عن بساتين الرمان في وجه ارتفاع الحرارة والبناء العشوائي.",
        },
        ["IQ-SU"], ["heritage-environment", "youth"], ["ckb", "ar"], 2019, "Halabja",
    ),
    DemoOrg(
        "hilla-mothers", K.GRASSROOTS_GROUP, "IQ", "ar",
        "أمهات المغيبين في الحلة", {"en": "Mothers of the Disappeared, Hilla"},
        "أمهات وزوجات رجال اختفوا قسراً يقفن وقفة صامتة كل شهر أمام دار القضاء في الحلة، ويجمعن الشهادات ويطالبن بكشف مصير أحبائهن.",
        {"en": "Mothers and wives of men who were forcibly disappeared hold a silent vigil every month outside the courthouse in Hilla, collect testimonies and demand to know what happened to their loved ones."},
        ["IQ-BB", "IQ-KA"], ["human-rights-defenders", "women", "peacebuilding"], ["ar", "en"], 2016, "Hillah",
    ),
    DemoOrg(
        "diwaniyah-bikes", K.GRASSROOTS_GROUP, "IQ", "ar",
        "فتيات الديوانية على الدراجات", {"en": "Diwaniyah Girls on Bikes"},
        "شابات يقدن الدراجات معاً في شوارع الديوانية كل جمعة لكسر الحواجز أمام حركة النساء في المدينة، وينظمن ورشاً لصيانة الدراجات.",
        {"en": "Young women who ride bicycles together through the streets of Diwaniyah every Friday to break down the barriers to women moving freely in their city, and run bike repair workshops."},
        ["IQ-QA"], ["women", "youth"], ["ar", "en"], 2022, "Diwaniyah",
    ),
    DemoOrg(
        "malmo-kurdish-youth", K.GRASSROOTS_GROUP, "SE", "ckb",
        "بازنەی هاوپشتیی گەنجانی کورد لە مالمۆ", {"en": "Kurdish Youth Solidarity Circle, Malmö", "ar": "حلقة تضامن الشباب الكرد في مالمو"},
        "گەنجانی کوردی دانیشتووی سوید کە هاوپشتیی خۆپیشاندەرانی گەنج لە هەرێمی کوردستان دەکەن، ڕاپۆرتەکانیان وەردەگێڕن بۆ سویدی و ئینگلیزی، و کۆڕی ئاشنابوون بۆ گەنجانی هەردوو وڵات ڕێک دەخەن.",
        {
            "en": "Kurdish young people living in Sweden who stand with young protesters in the Kurdistan Region, translate their reports into Swedish and English, and organise meetings between young people of both countries.",
            "ar": "شباب كرد مقيمون في السويد يتضامنون مع المحتجين الشباب في إقليم كوردستان، ويترجمون تقاريرهم إلى السويدية والإنكليزية، وينظمون لقاءات تعارف بين شباب البلدين.",
        },
        ["IQ-SU", "IQ-AR"], ["youth", "democracy"], ["ckb", "en"], 2020, "Malmö", people="sorani",
    ),
    # --- Social movements ------------------------------------------------------------
    DemoOrg(
        "tahrir-assembly", K.SOCIAL_MOVEMENT, "IQ", "ar",
        "مجلس مواطني ساحة التحرير", {"en": "Tahrir Square Citizens' Assembly"},
        "حراك أفقي وُلد في ساحات تشرين في بغداد عام ٢٠١٩، يطالب بمحاسبة قتلة المتظاهرين وإنهاء المحاصصة الطائفية وتوفير فرص العمل للخريجين.",
        {"en": "A horizontal movement born in the Tishreen squares of Baghdad in 2019, demanding accountability for the killing of protesters, an end to sectarian power-sharing quotas, and jobs for graduates."},
        ["IQ-BG"], ["democracy", "youth", "human-rights-defenders"], ["ar", "en"], 2019, "Baghdad",
    ),
    DemoOrg(
        "living-rivers", K.SOCIAL_MOVEMENT, "IQ", "ar",
        "حراك الأنهار الحية", {"en": "Living Rivers Movement", "ckb": "بزووتنەوەی ڕووبارە زیندووەکان"},
        "يربط الصيادين والفلاحين والطلاب على ضفاف دجلة والفرات الرافضين للسدود في أعالي النهر وتصريف المياه الثقيلة دون معالجة والتجاوز على ضفاف الأنهار، ويطالب باتفاق عادل لتقاسم المياه مع دول الجوار.",
        {
            "en": "Links fishers, farmers and students along the Tigris and Euphrates who oppose upstream dams, untreated sewage and encroachment on the riverbanks, and calls for a fair water-sharing agreement with neighbouring countries.",
            "ckb": "ڕاوچییانی ماسی و جووتیاران و خوێندکارانی کەناری دیجلە و فورات پێکەوە دەبەستێتەوە کە دژی بەنداوەکانی سەرچاوەی ڕووبار و ڕژاندنی ئاوی پیس بێ چارەسەرکردن و دەستدرێژی بۆ سەر کەنارەکانی ڕووبارن، و داوای ڕێککەوتنێکی دادپەروەرانە بۆ دابەشکردنی ئاو لەگەڵ وڵاتانی دراوسێ دەکات.",
        },
        ["IQ-BG", "IQ-BA", "IQ-NI"], ["heritage-environment", "economic-social-rights"], ["ar", "ckb", "en"], 2017, "Baghdad",
    ),
    DemoOrg(
        "no-to-arms", K.SOCIAL_MOVEMENT, "IQ", "ar",
        "حركة لا للسلاح المنفلت", {"en": "No to Loose Weapons Movement"},
        "ناشطون يجمعون التعهدات لإبقاء السلاح خارج الجامعات والأعراس ومجالس العزاء، ويطالبون بحصر السلاح بيد الدولة ووقف الرمي العشوائي في المناسبات.",
        {"en": "Activists who collect pledges to keep weapons out of universities, weddings and funerals, and call for the state alone to hold arms and for an end to celebratory gunfire."},
        ["IQ-BG", "IQ-KA", "IQ-NA"], ["demilitarization", "youth"], ["ar", "en"], 2018, "Karbala",
    ),
    DemoOrg(
        "salary-rights", K.SOCIAL_MOVEMENT, "IQ", "ckb",
        "بزووتنەوەی مافی مووچە", {"en": "Right to Salaries Movement", "ar": "حراك الحق في الرواتب"},
        "مامۆستایان و فەرمانبەران و خانەنشینانی هەرێمی کوردستان کە بە شێوەیەکی ئاشتیانە داوای پێدانی مووچە دواخراوەکانیان و ڕوونیی داهاتی نەوت دەکەن.",
        {
            "en": "Teachers, civil servants and pensioners in the Kurdistan Region who demand, peacefully, the payment of their delayed salaries and transparency over oil revenue.",
            "ar": "معلمون وموظفون ومتقاعدون في إقليم كوردستان يطالبون سلمياً بصرف رواتبهم المتأخرة وبالشفافية في إيرادات النفط.",
        },
        ["IQ-SU", "IQ-AR", "IQ-DA"], ["economic-social-rights", "democracy"], ["ckb", "ar"], 2016, "Sulaymaniyah",
    ),
    DemoOrg(
        "equal-citizenship", K.SOCIAL_MOVEMENT, "IQ", "ar",
        "حركة نساء من أجل مواطنة متساوية", {"en": "Women for Equal Citizenship", "ckb": "ژنان بۆ هاووڵاتیبوونی یەکسان"},
        "تناضل ضد تعديلات قانون الأحوال الشخصية التي تفتح الباب لزواج القاصرات، ومن أجل احترام حصة النساء في المجالس المحلية وإقرار قانون الحماية من العنف الأسري.",
        {
            "en": "Campaigns against amendments to the personal status law that open the door to child marriage, and for the women's quota in local councils to be respected and a law on protection from domestic violence to be passed.",
            "ckb": "خەبات دەکات دژی هەموارکردنەوەی یاسای باری کەسی کە دەرگا بۆ هاوسەرگیریی منداڵان دەکاتەوە، و بۆ ڕێزگرتن لە پشکی ژنان لە ئەنجومەنە خۆجێییەکان و دەرکردنی یاسای پاراستن لە توندوتیژیی خێزانی.",
        },
        ["IQ-BG", "IQ-BA", "IQ-NA"], ["women", "democracy"], ["ar", "ckb", "en"], 2014, "Baghdad",
    ),
    DemoOrg(
        "housing-right", K.SOCIAL_MOVEMENT, "IQ", "ar",
        "حراك حق السكن في العشوائيات", {"en": "Right to Housing in Informal Settlements"},
        "سكان الأحياء العشوائية في بغداد والبصرة ينظمون أنفسهم لوقف الإخلاء القسري دون بديل، ويطالبون بالخدمات الأساسية وبخطة إسكان عادلة.",
        {"en": "Residents of informal settlements in Baghdad and Basra who organise to stop forced evictions without alternative housing, and demand basic services and a fair housing plan."},
        ["IQ-BG", "IQ-BA"], ["economic-social-rights"], ["ar", "en"], 2019, "Basra",
    ),
    # --- Independent media -----------------------------------------------------------
    DemoOrg(
        "voice-of-marshes", K.INDEPENDENT_MEDIA, "IQ", "ar",
        "راديو صوت الأهوار", {"en": "Voice of the Marshes Radio"},
        "إذاعة مجتمعية تبث من الجبايش بلهجة أهل الهور، تنقل أخبار الجفاف وأسعار الأسماك والجاموس، وتعطي الميكروفون للنساء والصيادين.",
        {"en": "A community radio station broadcasting from Chibayish in the marsh dialect, covering drought and the price of fish and buffalo, and handing the microphone to women and fishers."},
        ["IQ-DQ", "IQ-MA"], ["heritage-environment", "economic-social-rights"], ["ar", "en"], 2016, "Chibayish",
    ),
    DemoOrg(
        "hadba-newsroom", K.INDEPENDENT_MEDIA, "IQ", "ar",
        "غرفة أخبار الحدباء المجتمعية", {"en": "Hadba Community Newsroom"},
        "صحفيون شباب من الموصل وسهل نينوى يكتبون عن إعادة الإعمار والتعويضات والمفقودين، ويتحققون من الشائعات التي تثير الفتنة بين المكونات.",
        {"en": "Young journalists from Mosul and the Nineveh Plains who report on reconstruction, compensation and the missing, and fact-check rumours that stir up hatred between communities."},
        ["IQ-NI"], ["peacebuilding", "democracy", "minorities"], ["ar", "en", "syr"], 2018, "Mosul",
    ),
    DemoOrg(
        "basra-investigations", K.INDEPENDENT_MEDIA, "IQ", "ar",
        "مكتب البصرة للصحافة الاستقصائية", {"en": "Basra Investigative Reporting Desk"},
        "فريق صغير يحقق في عقود الموانئ والنفط والمياه في البصرة، وينشر الوثائق كاملة، ويحمي مصادره بأدوات تواصل مشفرة.",
        {"en": "A small team that investigates port, oil and water contracts in Basra, publishes the documents in full, and protects its sources with encrypted communication tools."},
        ["IQ-BA"], ["democracy", "economic-social-rights"], ["ar", "en"], 2020, "Basra", trusted=True,
    ),
    DemoOrg(
        "kani-magazine", K.INDEPENDENT_MEDIA, "IQ", "ckb",
        "گۆڤاری سەربەخۆی کانی", {"en": "Kani Independent Magazine", "ar": "مجلة كاني المستقلة"},
        "گۆڤارێکی مانگانە و پۆدکاستێکی سۆرانی دەربارەی ئازادیی ڕۆژنامەگەری، گەندەڵی و مافەکانی ژنان لە هەرێمی کوردستان، کە هاوبەشییەکی ڕۆژنامەنووسان بەڕێوەی دەبات.",
        {
            "en": "A Sorani monthly and podcast on press freedom, corruption and women's rights in the Kurdistan Region, run by a cooperative of journalists.",
            "ar": "مجلة شهرية وبودكاست باللغة الكردية السورانية عن حرية الصحافة والفساد وحقوق النساء في إقليم كوردستان، تديرها تعاونية من الصحفيين.",
        },
        ["IQ-SU", "IQ-AR"], ["democracy", "human-rights-defenders", "women"], ["ckb", "en"], 2013, "Sulaymaniyah",
    ),
    DemoOrg(
        "anbar-voices", K.INDEPENDENT_MEDIA, "IQ", "ar",
        "بودكاست أصوات الأنبار", {"en": "Anbar Voices Podcast"},
        "بودكاست أسبوعي يسجل قصص الشباب العائدين إلى الرمادي والفلوجة والقائم: الدراسة والعمل والمصالحة بعد سنوات الحرب.",
        {"en": "A weekly podcast recording the stories of young people who returned to Ramadi, Fallujah and al-Qaim: study, work and reconciliation after the years of war."},
        ["IQ-AN"], ["youth", "peacebuilding"], ["ar", "en"], 2021, "Fallujah",
    ),
    DemoOrg(
        "beyond-headlines", K.INDEPENDENT_MEDIA, "GB", "ar",
        "العراق ما وراء العناوين", {"en": "Iraq Beyond the Headlines"},
        "منصة يديرها صحفيون عراقيون في لندن تترجم إلى الإنكليزية تقارير منظمات المجتمع المدني العراقية وأخبارها، ليصل صوتها إلى الصحافة والبرلمانات الأوروبية.",
        {"en": "A platform run by Iraqi journalists in London that translates the reports and news of Iraqi civil-society organisations into English, so that their voices reach the European press and parliaments."},
        ["IQ-BG", "IQ-NI"], ["democracy", "human-rights-defenders"], ["ar", "en"], 2015, "London", people="arabic",
    ),
    DemoOrg(
        "kirkuk-radio", K.INDEPENDENT_MEDIA, "IQ", "ar",
        "إذاعة كركوك متعددة اللغات", {"en": "Kirkuk Multilingual Radio", "ckb": "ڕادیۆی فرەزمانی کەرکووک"},
        "إذاعة مستقلة تبث بالعربية والكردية والتركمانية والسريانية، تتبادل فيها المكونات البرامج، وتغطي قضايا الملكية المتنازع عليها بحذر ومهنية.",
        {
            "en": "An independent station broadcasting in Arabic, Kurdish, Turkmen and Syriac, where communities swap programmes, and covering disputed property cases with care and professionalism.",
            "ckb": "ڕادیۆیەکی سەربەخۆ کە بە عەرەبی و کوردی و تورکمانی و سریانی پەخش دەکات، پێکهاتەکان بەرنامە ئاڵوگۆڕ دەکەن، و کێشەکانی موڵکی ناکۆک بە وریایی و پیشەییانە ڕووماڵ دەکات.",
        },
        ["IQ-KI", "IQ-SD"], ["minorities", "peacebuilding"], ["ar", "ckb", "tk"], 2012, "Kirkuk",
    ),
    # --- Social and solidarity economy -------------------------------------------------
    DemoOrg(
        "sinjar-weavers", K.SOCIAL_ECONOMY, "IQ", "ar",
        "تعاونية نساء سنجار للنسيج", {"en": "Sinjar Women's Weaving Cooperative", "kmr": "Kooperatîfa Tevnê ya Jinên Şengalê"},
        "ناجيات إيزيديات عدن إلى سنجار وأسسن تعاونية لنسج السجاد والأقمشة التقليدية، يتقاسمن أرباحها ويدرّبن الفتيات على الحرفة.",
        {
            "en": "Yazidi survivors who returned to Sinjar and founded a cooperative weaving carpets and traditional fabrics; they share the profits and teach the craft to girls.",
            "kmr": "Rizgarbûyên êzidî yên ku vegeriyan Şengalê û kooperatîfek ji bo tevnkirina xalîçe û qumaşên kevneşopî ava kirin; ew qezencê parve dikin û hunerê fêrî keçan dikin.",
        },
        ["IQ-NI", "IQ-DA"], ["women", "minorities", "economic-social-rights"], ["ar", "kmr"], 2019, "Sinjar", people="kurmanji",
    ),
    DemoOrg(
        "erbil-honey", K.SOCIAL_ECONOMY, "IQ", "ckb",
        "هاوبەشیی هەنگوینی دادپەروەرانەی هەولێر", {"en": "Erbil Fair-Trade Honey Cooperative", "ar": "تعاونية أربيل للعسل العادل"},
        "هەنگەوانانی گوندەکانی دەوروبەری هەولێر و سۆران کە پێکەوە هەنگوین دەفرۆشن بە نرخێکی دادپەروەرانە، و بەرگری لە دارستانەکانی بەڕوو دەکەن لە سووتاندن و بڕین.",
        {
            "en": "Beekeepers from villages around Erbil and Soran who sell their honey together at a fair price, and defend the oak forests from burning and logging.",
            "ar": "نحالون من قرى أربيل وسوران يبيعون عسلهم معاً بسعر عادل، ويدافعون عن غابات البلوط من الحرق والقطع.",
        },
        ["IQ-AR"], ["economic-social-rights", "heritage-environment"], ["ckb", "ar", "en"], 2014, "Soran",
    ),
    DemoOrg(
        "karbala-palms", K.SOCIAL_ECONOMY, "IQ", "ar",
        "جمعية كربلاء التعاونية لمزارعي النخيل", {"en": "Karbala Date Palm Growers' Cooperative"},
        "مزارعون يحمون بساتين النخيل من التجريف والتحويل إلى أراضٍ سكنية، ويبيعون التمور ودبس التمر عبر منافذ مشتركة، ويعيدون زراعة الأصناف المحلية النادرة.",
        {"en": "Growers who protect palm groves from being bulldozed into housing plots, sell dates and date syrup through shared outlets, and replant rare local varieties."},
        ["IQ-KA", "IQ-BB"], ["heritage-environment", "economic-social-rights"], ["ar", "en"], 2011, "Karbala",
    ),
    DemoOrg(
        "baghdad-repair-cafe", K.SOCIAL_ECONOMY, "IQ", "ar",
        "مقهى التصليح في بغداد", {"en": "Baghdad Repair Café"},
        "مشروع اجتماعي في الكرادة يصلح الأجهزة والدراجات والملابس بدل رميها، ويشغّل شباباً من ذوي الإعاقة ويعلم الزوار مهارات التصليح.",
        {"en": "A social enterprise in Karrada that repairs appliances, bicycles and clothes instead of throwing them away, employs young people with disabilities and teaches visitors how to fix things."},
        ["IQ-BG"], ["heritage-environment", "youth", "economic-social-rights"], ["ar", "en"], 2021, "Baghdad",
    ),
    DemoOrg(
        "duhok-ecotourism", K.SOCIAL_ECONOMY, "IQ", "ar",
        "تعاونية السياحة الجبلية في دهوك", {"en": "Duhok Mountain Ecotourism Cooperative", "kmr": "Kooperatîfa Geştyariya Çiyayî ya Dihokê"},
        "عائلات من قرى العمادية وزاخو تستضيف الزوار في بيوتها وترافقهم في مسارات المشي، وتستثمر الأرباح في حماية الينابيع والغابات.",
        {
            "en": "Families from villages around Amadiya and Zakho who host visitors in their homes and guide them on hiking trails, investing the profits in protecting springs and forests.",
            "kmr": "Malbatên ji gundên derdora Amêdiyê û Zaxoyê mêvanan di malên xwe de dihewînin û wan li ser rêyên meşê rêber dikin, û qezencê di parastina kanî û daristanan de xerc dikin.",
        },
        ["IQ-DA"], ["heritage-environment", "economic-social-rights"], ["ar", "kmr", "en"], 2018, "Amadiya", people="kurmanji",
    ),
    DemoOrg(
        "najaf-bakery", K.SOCIAL_ECONOMY, "IQ", "ar",
        "تعاونية مخبز نساء النجف", {"en": "Najaf Women's Bakery Cooperative"},
        "أرامل ونساء معيلات لأسرهن يدرن مخبزاً تعاونياً في النجف يبيع الخبز والكليجة، ويتقاسمن الدخل ويتناوبن على رعاية الأطفال.",
        {"en": "Widows and women who support their families run a cooperative bakery in Najaf selling bread and kleicha, share the income and take turns looking after the children."},
        ["IQ-NA", "IQ-QA"], ["women", "economic-social-rights"], ["ar", "en"], 2017, "Najaf",
    ),
    # --- International civil-society organisations and networks ------------------------
    DemoOrg(
        "tigri-eufrate", K.INTERNATIONAL, "IT", "it",
        "Rete Tigri ed Eufrate per la Solidarietà", {"en": "Tigris and Euphrates Solidarity Network", "ar": "شبكة دجلة والفرات للتضامن"},
        "Rete di associazioni italiane che sostiene le campagne irachene per il diritto all'acqua e la tutela delle paludi, organizza scambi tra comuni italiani e città irachene e porta gli attivisti iracheni nei parlamenti europei.",
        {
            "en": "A network of Italian associations that supports Iraqi campaigns for the right to water and the protection of the marshes, organises exchanges between Italian municipalities and Iraqi cities, and brings Iraqi activists to European parliaments.",
            "ar": "شبكة من الجمعيات الإيطالية تدعم الحملات العراقية من أجل الحق في المياه وحماية الأهوار، وتنظم تبادلات بين البلديات الإيطالية والمدن العراقية، وتوصل الناشطين العراقيين إلى البرلمانات الأوروبية.",
        },
        ["IQ-BA", "IQ-DQ", "IQ-MA"], ["heritage-environment", "peacebuilding"], ["it", "ar", "en"], 2003, "Rome", trusted=True,
    ),
    DemoOrg(
        "mesopotamia-diritti", K.INTERNATIONAL, "IT", "it",
        "Associazione Mesopotamia Diritti", {"en": "Mesopotamia Rights Association", "ar": "جمعية حقوق بلاد الرافدين"},
        "Accompagna le difensore dei diritti umani irachene con formazione giuridica, un fondo di emergenza e osservatori internazionali ai loro processi.",
        {
            "en": "Supports Iraqi women human rights defenders with legal training, an emergency fund and international observers at their trials.",
            "ar": "ترافق المدافعات العراقيات عن حقوق الإنسان بالتدريب القانوني وصندوق للطوارئ وإرسال مراقبين دوليين إلى محاكماتهن.",
        },
        ["IQ-BG", "IQ-SU"], ["human-rights-defenders", "women"], ["it", "ar", "en"], 2010, "Bologna",
    ),
    DemoOrg(
        "sindacati-in-rete", K.INTERNATIONAL, "IT", "it",
        "Sindacati in Rete per il Lavoro Dignitoso", {"en": "Unions Networked for Decent Work", "ar": "نقابات في شبكة من أجل العمل اللائق"},
        "Sindacalisti italiani che gemellano le camere del lavoro con i sindacati indipendenti iracheni del petrolio, dei porti e dell'elettricità, e sostengono le loro vertenze con campagne e missioni di solidarietà.",
        {
            "en": "Italian trade unionists who twin their local labour councils with Iraq's independent oil, port and electricity unions, and back their disputes with campaigns and solidarity missions.",
            "ar": "نقابيون إيطاليون يوأمون مجالس العمل المحلية مع النقابات العراقية المستقلة في النفط والموانئ والكهرباء، ويساندون مطالبها بالحملات وبعثات التضامن.",
        },
        ["IQ-BA", "IQ-BG"], ["economic-social-rights"], ["it", "ar", "en"], 2008, "Genoa",
    ),
    DemoOrg(
        "collectif-mesopotamie", K.INTERNATIONAL, "FR", "en",
        "Collectif Solidarité Mésopotamie", {"ar": "تجمع التضامن مع بلاد الرافدين"},
        "A Lyon-based collective of feminists and trade unionists that raises funds for women's shelters in Iraq, hosts Iraqi activists on speaking tours in France, and translates their statements into French.",
        {"ar": "تجمع من النسويات والنقابيين في ليون يجمع التبرعات لملاجئ النساء في العراق، ويستضيف ناشطات عراقيات في جولات محاضرات في فرنسا، ويترجم بياناتهن إلى الفرنسية."},
        ["IQ-SU", "IQ-BG"], ["women", "democracy"], ["en", "fr", "ar"], 2012, "Lyon",
    ),
    DemoOrg(
        "euphrates-bridge", K.INTERNATIONAL, "DE", "en",
        "Euphrates Bridge Youth Exchange", {"ar": "جسر الفرات لتبادل الشباب"},
        "Brings young people from Germany and Iraq together for exchanges on civic education, music and sport, and funds small projects designed by Iraqi youth groups.",
        {"ar": "يجمع شباباً من ألمانيا والعراق في برامج تبادل حول التربية المدنية والموسيقى والرياضة، ويمول مشاريع صغيرة تصممها مجموعات شبابية عراقية."},
        ["IQ-DQ", "IQ-BA", "IQ-NI"], ["youth", "peacebuilding"], ["en", "de", "ar"], 2013, "Leipzig",
    ),
    DemoOrg(
        "heritage-partnership", K.INTERNATIONAL, "GB", "en",
        "Mesopotamian Heritage Partnership", {"ar": "شراكة تراث بلاد الرافدين"},
        "A UK charity that pairs conservators and archivists with Iraqi heritage groups, funds training in documenting damaged sites, and campaigns against the trade in looted antiquities.",
        {"ar": "منظمة خيرية بريطانية تربط المرممين وأمناء الأرشيف بمجموعات التراث العراقية، وتمول التدريب على توثيق المواقع المتضررة، وتناضل ضد تجارة الآثار المنهوبة."},
        ["IQ-NI", "IQ-SD"], ["heritage-environment"], ["en", "ar"], 2006, "London",
    ),
    DemoOrg(
        "red-agua-viva", K.INTERNATIONAL, "ES", "en",
        "Red Agua Viva", {"ar": "شبكة الماء الحي"},
        "A Spanish network of water engineers and activists that shares its experience of public water management with Iraqi groups defending the right to clean water in Basra and the south.",
        {"ar": "شبكة إسبانية من مهندسي المياه والناشطين تتبادل خبرتها في الإدارة العامة للمياه مع المجموعات العراقية المدافعة عن الحق في المياه النظيفة في البصرة والجنوب."},
        ["IQ-BA", "IQ-MU"], ["heritage-environment", "economic-social-rights"], ["en", "es", "ar"], 2018, "Valencia",
    ),
    DemoOrg(
        "nordic-peace-forum", K.INTERNATIONAL, "NO", "en",
        "Nordic Peace Forum for Iraq", {"ar": "المنتدى الاسكندنافي للسلام في العراق"},
        "A Norwegian forum of peace researchers and activists that supports Iraqi disarmament campaigns, trains mediators in nonviolent conflict transformation, and reports on arms transfers to the region.",
        {"ar": "منتدى نرويجي لباحثي السلام والناشطين يدعم حملات نزع السلاح العراقية، ويدرب الوسطاء على التحويل السلمي للنزاعات، ويرصد صفقات نقل السلاح إلى المنطقة."},
        ["IQ-BG", "IQ-AN"], ["demilitarization", "peacebuilding"], ["en", "ar"], 2009, "Oslo",
    ),
    DemoOrg(
        "workers-twinning", K.INTERNATIONAL, "SE", "en",
        "Nordic Workers' Twinning Network", {"ar": "شبكة التوأمة العمالية الاسكندنافية"},
        "Swedish local union branches twinned with Iraqi and Kurdish unions: they fund organising training, send observers to union elections, and campaign for Iraq to ratify the ILO convention on freedom of association.",
        {"ar": "فروع نقابية سويدية محلية متوأمة مع نقابات عراقية وكردية: تمول التدريب على التنظيم النقابي، وترسل مراقبين إلى الانتخابات النقابية، وتناضل من أجل مصادقة العراق على اتفاقية منظمة العمل الدولية بشأن الحرية النقابية."},
        ["IQ-SU", "IQ-BA"], ["economic-social-rights"], ["en", "ar", "ckb"], 2011, "Gothenburg",
    ),
    DemoOrg(
        "peace-accountability", K.INTERNATIONAL, "US", "en",
        "Coalition for Peace and Accountability in Iraq", {"ar": "التحالف من أجل السلام والمساءلة في العراق"},
        "A US coalition of veterans, faith groups and peace activists that campaigns against arms exports to the region, supports Iraqi victims seeking redress, and brings Iraqi civil-society voices to Washington.",
        {"ar": "تحالف أمريكي من المحاربين القدامى والجماعات الدينية وناشطي السلام يناضل ضد صادرات السلاح إلى المنطقة، ويدعم الضحايا العراقيين في سعيهم للإنصاف، ويوصل أصوات المجتمع المدني العراقي إلى واشنطن."},
        ["IQ-BG", "IQ-AN", "IQ-NI"], ["demilitarization", "democracy"], ["en", "ar"], 2007, "Chicago",
    ),
    DemoOrg(
        "brussels-desk", K.INTERNATIONAL, "BE", "en",
        "Brussels Desk for Iraqi Civil Society", {"ar": "مكتب بروكسل للمجتمع المدني العراقي"},
        "Follows European Union policy on Iraq, briefs members of the European Parliament, and helps Iraqi organisations take part in EU consultations and funding calls on their own terms.",
        {"ar": "يتابع سياسة الاتحاد الأوروبي تجاه العراق، ويطلع أعضاء البرلمان الأوروبي، ويساعد المنظمات العراقية على المشاركة في مشاورات الاتحاد ودعوات التمويل بشروطها هي."},
        ["IQ-BG", "IQ-AR"], ["democracy", "human-rights-defenders"], ["en", "fr", "ar"], 2016, "Brussels",
    ),
    DemoOrg(
        "geneva-defenders", K.INTERNATIONAL, "CH", "en",
        "Geneva Platform for Defenders at Risk", {"ar": "منصة جنيف للمدافعين المعرضين للخطر"},
        "Helps Iraqi human rights defenders bring cases of threats, enforced disappearance and reprisals to the United Nations human rights mechanisms, and accompanies them during sessions in Geneva.",
        {"ar": "تساعد المدافعين العراقيين عن حقوق الإنسان على إيصال حالات التهديد والاختفاء القسري والانتقام إلى آليات الأمم المتحدة لحقوق الإنسان، وترافقهم خلال الجلسات في جنيف."},
        ["IQ-BG", "IQ-DQ", "IQ-BA"], ["human-rights-defenders"], ["en", "fr", "ar"], 2014, "Geneva", trusted=True,
    ),
    DemoOrg(
        "water-justice-lab", K.INTERNATIONAL, "NL", "en",
        "Water Justice Lab", {"ar": "مختبر العدالة المائية"},
        "Dutch hydrologists and students who work with Iraqi marsh communities on low-cost water-quality sensors, open data about river flows, and proposals for restoring the wetlands.",
        {"ar": "هيدرولوجيون وطلاب هولنديون يعملون مع مجتمعات الأهوار العراقية على أجهزة استشعار رخيصة لجودة المياه وبيانات مفتوحة عن جريان الأنهار ومقترحات لإحياء الأراضي الرطبة."},
        ["IQ-DQ", "IQ-MA", "IQ-BA"], ["heritage-environment"], ["en", "ar"], 2019, "Delft",
    ),
    DemoOrg(
        "istanbul-refugees", K.INTERNATIONAL, "TR", "en",
        "Istanbul Refugee Solidarity Association", {"ar": "جمعية إسطنبول للتضامن مع اللاجئين"},
        "Supports Iraqi and Syrian refugees in Istanbul with legal advice, Turkish classes and job placement, and helps families stay in touch with relatives who returned to Nineveh and Anbar.",
        {"ar": "تدعم اللاجئين العراقيين والسوريين في إسطنبول بالاستشارات القانونية ودروس اللغة التركية والتوظيف، وتساعد العائلات على البقاء على تواصل مع أقاربها العائدين إلى نينوى والأنبار."},
        ["IQ-NI", "IQ-AN"], ["minorities", "peacebuilding"], ["en", "tr", "ar"], 2015, "Istanbul",
    ),
    DemoOrg(
        "beirut-media-hub", K.INTERNATIONAL, "LB", "en",
        "Beirut Hub for Media Freedom", {"ar": "مركز بيروت لحرية الإعلام"},
        "A regional centre that trains Iraqi and Lebanese journalists in investigative reporting and digital security, and offers temporary fellowships to reporters who must leave Iraq for a while.",
        {"ar": "مركز إقليمي يدرب الصحفيين العراقيين واللبنانيين على الصحافة الاستقصائية والأمان الرقمي، ويقدم زمالات مؤقتة للمراسلين الذين يضطرون إلى مغادرة العراق لفترة."},
        ["IQ-BG", "IQ-BA"], ["democracy", "human-rights-defenders"], ["en", "ar", "fr"], 2012, "Beirut",
    ),
    DemoOrg(
        "amman-mediators", K.INTERNATIONAL, "JO", "en",
        "Amman Network of Women Mediators", {"ar": "شبكة عمّان للوسيطات"},
        "Connects women mediators from Iraq, Jordan and Syria, trains them in negotiation and transitional justice, and pushes for women to sit at every local reconciliation table.",
        {"ar": "تربط الوسيطات من العراق والأردن وسوريا، وتدربهن على التفاوض والعدالة الانتقالية، وتضغط ليكون للنساء مقعد على كل طاولة مصالحة محلية."},
        ["IQ-AN", "IQ-NI", "IQ-DI"], ["women", "peacebuilding"], ["en", "ar"], 2017, "Amman",
    ),
    # --- Applications waiting for review, and one rejected -----------------------------
    DemoOrg(
        "kut-young-engineers", K.GRASSROOTS_GROUP, "IQ", "ar",
        "مبادرة المهندسين الشباب في الكوت", {"en": "Kut Young Engineers' Initiative"},
        "خريجو هندسة عاطلون عن العمل يتطوعون لفحص سلامة المدارس والجسور الصغيرة في واسط، ويطالبون بفرص تدريب في المشاريع الحكومية.",
        {"en": "Unemployed engineering graduates who volunteer to check the safety of schools and small bridges in Wasit, and call for training places on public projects."},
        ["IQ-WA"], ["youth", "economic-social-rights"], ["ar"], 2023, "Kut", status=Organisation.Status.PENDING,
    ),
    DemoOrg(
        "zakho-drivers", K.TRADE_UNION, "IQ", "ar",
        "نقابة سائقي الشاحنات في زاخو", {"en": "Zakho Truck Drivers' Union", "kmr": "Sendîkaya Ajokarên Kamyonan a Zaxoyê"},
        "سائقو الشاحنات الذين ينقلون البضائع عبر معبر إبراهيم الخليل، يطالبون بساعات راحة وتأمين صحي ووقف الرسوم غير القانونية على الطرق.",
        {
            "en": "Drivers who haul goods across the Ibrahim Khalil border crossing, calling for rest hours, health insurance and an end to illegal road fees.",
            "kmr": "Ajokarên ku bar di deriyê sînor ê Îbrahîm Xelîl re derbas dikin, daxwaza demjimêrên bêhnvedanê, sîgorteya tenduristiyê û rawestandina bacên neqanûnî yên rêyan dikin.",
        },
        ["IQ-DA"], ["economic-social-rights"], ["ar", "kmr"], 2022, "Zakho", status=Organisation.Status.PENDING, people="kurmanji",
    ),
    DemoOrg(
        "lisbon-friends", K.INTERNATIONAL, "PT", "en",
        "Lisbon Friends of Iraqi Civil Society", {"ar": "أصدقاء المجتمع المدني العراقي في لشبونة"},
        "Students and teachers in Lisbon who want to twin Portuguese schools with schools in Mosul and Basra and organise letter exchanges between pupils.",
        {"ar": "طلاب ومعلمون في لشبونة يسعون إلى توأمة مدارس برتغالية مع مدارس في الموصل والبصرة وتنظيم تبادل الرسائل بين التلاميذ."},
        ["IQ-NI", "IQ-BA"], ["youth", "peacebuilding"], ["en", "ar"], 2024, "Lisbon", status=Organisation.Status.PENDING,
    ),
    DemoOrg(
        "golden-future", K.SOCIAL_ECONOMY, "IQ", "ar",
        "مجموعة المستقبل الذهبي للاستثمار", {"en": "Golden Future Investment Group"},
        "شركة تطوير عقاري تبني مجمعات سكنية فاخرة في أربيل وبغداد وتبحث عن شركاء دوليين.",
        {"en": "A property developer building luxury housing compounds in Erbil and Baghdad and looking for international partners."},
        ["IQ-AR", "IQ-BG"], ["economic-social-rights"], ["ar", "en"], 2020, "Erbil",
        status=Organisation.Status.REJECTED,
        rejection_reason=(
            "Golden Future is a commercial property company. The network brings together civil-society "
            "organisations: non-profit associations, unions, movements, independent media and cooperatives "
            "owned by their members. You are welcome to apply again for a cooperative or a non-profit project."
        ),
    ),
]

# Activity centres: (governorate, city, host key, {language: name}, original language, description)
ACTIVITY_CENTRES = [
    ("IQ-BG", "Baghdad", "tigris-defenders",
     {"ar": "مركز تضامن للأنشطة في بغداد", "ckb": "ناوەندی چالاکییەکانی تەزامون لە بەغدا", "en": "Tadamun Activity Centre Baghdad"}, "ar",
     "Meeting rooms, a training hall and a quiet room for defenders in Karrada, open to every member organisation."),
    ("IQ-BA", "Basra", "shatt-water",
     {"ar": "مركز تضامن للأنشطة في البصرة", "ckb": "ناوەندی چالاکییەکانی تەزامون لە بەسرە", "en": "Tadamun Activity Centre Basra"}, "ar",
     "A water-testing bench, a library and a hall for union and community meetings near the Corniche."),
    ("IQ-AR", "Erbil", "young-doctors",
     {"ckb": "ناوەندی چالاکییەکانی تەزامون لە هەولێر", "ar": "مركز تضامن للأنشطة في أربيل", "en": "Tadamun Activity Centre Erbil"}, "ckb",
     "Training rooms and a shared office used by Kurdish, Arab and international organisations in Erbil."),
    ("IQ-SU", "Sulaymaniyah", "rewan-women",
     {"ckb": "ناوەندی چالاکییەکانی تەزامون لە سلێمانی", "ar": "مركز تضامن للأنشطة في السليمانية", "en": "Tadamun Activity Centre Sulaymaniyah"}, "ckb",
     "A women-led space with a legal clinic, a meeting room and a small recording studio for podcasts."),
    ("IQ-NI", "Mosul", "old-mosul-workshop",
     {"ar": "مركز تضامن للأنشطة في الموصل", "ckb": "ناوەندی چالاکییەکانی تەزامون لە موسڵ", "en": "Tadamun Activity Centre Mosul"}, "ar",
     "A restored house in the old city with a workshop for heritage crafts and a room for dialogue sessions."),
    ("IQ-DQ", "Nasiriyah", "haboubi-circle",
     {"ar": "مركز تضامن للأنشطة في الناصرية", "ckb": "ناوەندی چالاکییەکانی تەزامون لە ناسریە", "en": "Tadamun Activity Centre Nasiriyah"}, "ar",
     "A youth hub with a street library, a debate room and space for the marsh communities' radio programmes."),
]

# Fictional people. Arabic and Sorani names are shown in their own script.
FIRST_NAMES = {
    "arabic": [
        ("zainab", "زينب"), ("ali", "علي"), ("noor", "نور"), ("hussein", "حسين"), ("huda", "هدى"),
        ("mustafa", "مصطفى"), ("rusul", "رسل"), ("haider", "حيدر"), ("maryam", "مريم"), ("sajjad", "سجاد"),
        ("shahad", "شهد"), ("omar", "عمر"), ("dhuha", "ضحى"), ("yousif", "يوسف"), ("israa", "إسراء"),
        ("ammar", "عمار"), ("hiba", "هبة"), ("aya", "آية"), ("abbas", "عباس"), ("rasha", "رشا"),
        ("saif", "سيف"), ("zahraa", "زهراء"), ("wisam", "وسام"), ("duaa", "دعاء"), ("karrar", "كرار"),
    ],
    "sorani": [
        ("shirin", "شیرین"), ("karwan", "کاروان"), ("dilan", "دیلان"), ("rebwar", "ڕێبوار"), ("nasik", "نازک"),
        ("soran", "سۆران"), ("awat", "ئاوات"), ("shilan", "شیلان"), ("dara", "دارا"), ("chnar", "چنار"),
        ("hawre", "هاوڕێ"), ("lana", "لانە"), ("aram", "ئارام"), ("zhino", "ژینۆ"), ("bakhtiyar", "بەختیار"),
    ],
    "kurmanji": [
        ("berivan", "Berîvan"), ("khalil", "Xelîl"), ("dilveen", "Dilvîn"), ("ezdin", "Ezdîn"), ("shireen", "Şîrîn"),
        ("hadiya", "Hediye"), ("saeed", "Seîd"), ("nisreen", "Nisrîn"), ("murad", "Mirad"), ("gulistan", "Gulistan"),
    ],
    "italian": [
        ("giulia", "Giulia"), ("marco", "Marco"), ("chiara", "Chiara"), ("luca", "Luca"), ("francesca", "Francesca"),
        ("paolo", "Paolo"), ("elena", "Elena"), ("davide", "Davide"), ("sara", "Sara"), ("matteo", "Matteo"),
    ],
    "international": [
        ("claire", "Claire"), ("jonas", "Jonas"), ("emma", "Emma"), ("lucia", "Lucía"), ("ingrid", "Ingrid"),
        ("erik", "Erik"), ("rachel", "Rachel"), ("sofie", "Sofie"), ("nicolas", "Nicolas"), ("sanne", "Sanne"),
        ("elif", "Elif"), ("rima", "Rima"), ("karim", "Karim"), ("ines", "Inês"), ("daniel", "Daniel"),
    ],
}
LAST_NAMES = {
    "arabic": [
        ("kadhim", "كاظم"), ("jasim", "جاسم"), ("hamid", "حميد"), ("mahdi", "مهدي"), ("salman", "سلمان"),
        ("jaber", "جابر"), ("naji", "ناجي"), ("hashim", "هاشم"), ("khalaf", "خلف"), ("rashid", "رشيد"),
        ("obaid", "عبيد"), ("fadhil", "فاضل"), ("sabri", "صبري"), ("younis", "يونس"), ("hasan", "حسن"),
        ("abdulkarim", "عبد الكريم"), ("mutlaq", "مطلق"), ("shakir", "شاكر"), ("radhi", "راضي"), ("ghazi", "غازي"),
    ],
    "sorani": [
        ("aziz", "عەزیز"), ("rasul", "ڕەسوڵ"), ("karim", "کەریم"), ("omer", "عومەر"), ("faraj", "فەرەج"),
        ("salih", "ساڵح"), ("qadir", "قادر"), ("hama", "حەمە"), ("mahmud", "مەحموود"), ("baban", "بابان"),
        ("amin", "ئەمین"), ("sharif", "شەریف"),
    ],
    "kurmanji": [
        ("khudeida", "Xidêda"), ("qasim", "Qasim"), ("elias", "Êlyas"), ("hajji", "Hecî"), ("silo", "Silo"),
        ("barakat", "Berekat"), ("shammo", "Şemo"), ("haso", "Heso"),
    ],
    "italian": [
        ("ferri", "Ferri"), ("bellini", "Bellini"), ("rinaldi", "Rinaldi"), ("moretti", "Moretti"), ("conti", "Conti"),
        ("sartori", "Sartori"), ("galli", "Galli"), ("fontana", "Fontana"), ("marchetti", "Marchetti"), ("greco", "Greco"),
    ],
    "international": [
        ("dubois", "Dubois"), ("becker", "Becker"), ("hughes", "Hughes"), ("romero", "Romero"), ("haugen", "Haugen"),
        ("lindqvist", "Lindqvist"), ("porter", "Porter"), ("peeters", "Peeters"), ("favre", "Favre"), ("visser", "Visser"),
        ("aydin", "Aydın"), ("haddad", "Haddad"), ("nassar", "Nassar"), ("costa", "Costa"), ("brooks", "Brooks"),
    ],
}
PEOPLE_LANGUAGE = {"arabic": "ar", "sorani": "ckb", "kurmanji": "kmr", "italian": "it", "international": "en"}
# fmt: on

DIAL_CODES = {
    "IQ": "+964 7", "IT": "+39 3", "FR": "+33 6", "DE": "+49 15", "GB": "+44 7", "ES": "+34 6",
    "NO": "+47 4", "SE": "+46 7", "US": "+1 312", "BE": "+32 4", "CH": "+41 7", "NL": "+31 6",
    "TR": "+90 5", "LB": "+961 3", "JO": "+962 7", "PT": "+351 9",
}


def _people_of(org: DemoOrg) -> str:
    if org.people:
        return org.people
    if org.country == "IT":
        return "italian"
    if org.country != "IQ":
        return "international"
    return {"ckb": "sorani", "kmr": "kurmanji"}.get(org.language, "arabic")


class _People:
    """Unique fictional people, drawn in a fixed order (the demo is the same every time)."""

    def __init__(self, rng: random.Random, password_hash: str) -> None:
        self.rng = rng
        self.password_hash = password_hash
        self.taken: set[str] = set()

    def new(self, tradition: str) -> User:
        firsts, lasts = FIRST_NAMES[tradition], LAST_NAMES[tradition]
        for _attempt in range(200):
            (first, first_shown), (last, last_shown) = self.rng.choice(firsts), self.rng.choice(lasts)
            email = f"{first}.{last}@{DEMO_DOMAIN}"
            if email not in self.taken:
                break
        else:  # pragma: no cover (the lists hold far more pairs than the demo needs)
            email = f"{first}.{last}.{len(self.taken)}@{DEMO_DOMAIN}"
        self.taken.add(email)
        return User(
            email=email,
            display_name=f"{first_shown} {last_shown}",
            language=PEOPLE_LANGUAGE[tradition],
            password=self.password_hash,
        )


def _contacts(org: DemoOrg, slug: str, rng: random.Random) -> list[services.ContactInput]:
    def number() -> str:
        return f"{DIAL_CODES.get(org.country, '+964 7')}{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"

    domain = f"{slug}.example.org"
    contacts = [services.ContactInput("email", f"info@{domain}", Visibility.PUBLIC)]
    if rng.random() < 0.3:
        contacts.append(services.ContactInput("social", f"https://social.example/@{slug[:30]}", Visibility.PUBLIC))
    contacts.append(services.ContactInput("phone", number(), Visibility.MEMBERS))
    if rng.random() < 0.5:
        contacts.append(services.ContactInput("email", f"coordination@{domain}", Visibility.MEMBERS))
    contacts.append(services.ContactInput("signal", number(), Visibility.COORDINATORS))
    if org.country == "IQ":
        address = f"Mahalla {rng.randint(101, 999)}, Zuqaq {rng.randint(1, 60)}, House {rng.randint(1, 120)}, {org.city}, Iraq"
    else:
        address = f"{rng.randint(2, 180)} Solidarity Street (fictional), {org.city}"
    contacts.append(services.ContactInput("address", address, Visibility.COORDINATORS))
    return contacts



def _no_email(**kwargs) -> None:
    return None


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def remove_demo() -> dict[str, int]:
    """Delete every organisation (with memberships, contacts, invitations), every activity
    centre and every demo account."""
    removed = {
        "activity_centres": ActivityCentre.objects.all().delete()[0],
        "invitations": Invitation.objects.all().delete()[0],
        "memberships": Membership.objects.all().delete()[0],
    }
    removed["organisations"] = Organisation.objects.all().delete()[1].get("network.Organisation", 0)
    removed["people"] = (
        User.objects.filter(email__iendswith=f"@{DEMO_DOMAIN}").delete()[1].get("accounts.User", 0)
    )
    return removed


def demo_slug(org) -> str:
    """The address a demo organisation gets (the newsroom's demo finds it by this)."""
    return slugify(org.names.get("en") or org.name)[:60]


def load_demo(*, stdout=None) -> dict:
    """(Re)create the fictional demo network on the current database; returns counts and
    the demo coordinator's login."""
    # The override is outside the transaction so that what is queued on commit meets the
    # dummy backend too (when no outer transaction delays the commit).
    with (
        override_settings(TASKS=_SILENT_TASKS),
        mock.patch.object(services, "email_later", _no_email),
        quiet_log("tadamun.network"),
        transaction.atomic(),
    ):
        removed = remove_demo()
        if removed["organisations"] or removed["people"]:
            _say(stdout, f"Removed the previous data: {removed['organisations']} organisations, {removed['people']} demo accounts.")
        result = _build()
    _say(
        stdout,
        f"Demo network loaded: {result['organisations']} organisations ({result['approved']} members, "
        f"{result['pending']} waiting for review, {result['rejected']} rejected), {result['people']} people, "
        f"{result['activity_centres']} activity centres.",
    )
    return result


def _build() -> dict:
    rng = random.Random(2026)
    now = timezone.now()
    password_hash = make_password(DEMO_PASSWORD)  # hashed once: loading stays fast
    people = _People(rng, password_hash)

    governorates = {g.iso_code: g for g in Governorate.objects.all()}
    pathways = {p.slug: p for p in Pathway.objects.all()}
    languages = {w.code: w for w in WorkingLanguage.objects.all()}

    coordinator = User(
        email=COORDINATOR_EMAIL,
        display_name="Layla Haddad (demo coordinator)",
        language="en",
        password=password_hash,
        is_staff=True,
        is_superuser=True,
    )
    # Everyone the organisations need: an admin (the applicant), sometimes an editor and a member.
    crew: list[tuple[DemoOrg, User, list[tuple[str, User]]]] = []
    for index, org in enumerate(ORGANISATIONS):
        tradition = _people_of(org)
        applicant = people.new(tradition)
        others = []
        if org.status == Organisation.Status.APPROVED:
            if index % 2 == 0:
                others.append((Membership.Role.EDITOR, people.new(tradition)))
            if index % 3 == 0:
                others.append((Membership.Role.MEMBER, people.new(tradition)))
        crew.append((org, applicant, others))
    users = [coordinator] + [u for _org, applicant, others in crew for u in [applicant, *(p for _r, p in others)]]
    User.objects.bulk_create(users)
    users = list(User.objects.filter(email__in=[u.email for u in users]))
    by_email = {u.email: u for u in users}
    EmailAddress.objects.bulk_create(
        EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
    )
    coordinator = by_email[COORDINATOR_EMAIL]

    created: dict[str, Organisation] = {}
    extra_memberships = []
    for index, (org, applicant, others) in enumerate(crew):
        slug = demo_slug(org)
        profile = services.OrganisationProfile(
            name=org.name,
            kind=org.kind,
            country=org.country,
            original_language=org.language,
            description=org.description,
            names=org.names,
            descriptions=org.descriptions,
            governorates=[governorates[code] for code in org.governorates],
            pathways=[pathways[slug_] for slug_ in org.pathways],
            languages=[languages[code] for code in org.languages],
            year_founded=org.year,
            website=f"https://{slug}.example.org",
            contacts=_contacts(org, slug, rng),
        )
        organisation = services.apply_for_organisation(by=by_email[applicant.email], profile=profile)
        if org.status == Organisation.Status.APPROVED:
            organisation = services.approve_organisation(by=coordinator, organisation=organisation)
            extra_memberships += [
                Membership(organisation=organisation, person=by_email[p.email], role=role) for role, p in others
            ]
            # Spread the dates so that "new in the network" is not simply the load order.
            reviewed = now - timedelta(days=rng.randint(1, 900), hours=rng.randint(0, 23), minutes=rng.randint(0, 59))
            created_at = reviewed - timedelta(days=rng.randint(1, 20))
            Organisation.objects.filter(pk=organisation.pk).update(
                reviewed_at=reviewed, created_at=created_at, is_trusted=org.trusted
            )
        elif org.status == Organisation.Status.REJECTED:
            services.reject_organisation(by=coordinator, organisation=organisation, reason=org.rejection_reason)
            Organisation.objects.filter(pk=organisation.pk).update(created_at=now - timedelta(days=12))
        else:
            Organisation.objects.filter(pk=organisation.pk).update(created_at=now - timedelta(days=index % 9 + 1))
        created[org.key] = organisation
    Membership.objects.bulk_create(extra_memberships)

    centres = []
    for iso, city, host_key, names, original, description in ACTIVITY_CENTRES:
        centres.append(
            ActivityCentre(
                name=names[original],
                names={lang: text for lang, text in names.items() if lang != original},
                governorate=governorates[iso],
                city=city,
                host=created[host_key],
                description=description,
            )
        )
    ActivityCentre.objects.bulk_create(centres)

    statuses = [org.status for org in ORGANISATIONS]
    return {
        "organisations": len(ORGANISATIONS),
        "approved": statuses.count(Organisation.Status.APPROVED),
        "pending": statuses.count(Organisation.Status.PENDING),
        "rejected": statuses.count(Organisation.Status.REJECTED),
        "people": len(users),
        "memberships": Membership.objects.count(),
        "activity_centres": len(centres),
        "coordinator_email": COORDINATOR_EMAIL,
        "coordinator_password": DEMO_PASSWORD,
    }
